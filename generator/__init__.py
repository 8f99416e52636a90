"""konverteringsplan: plan.yaml → validated plan → figures → a searchable Danish MkDocs site."""
