"""Danish search for Material for MkDocs (the `dansk-soegning` plugin)."""
