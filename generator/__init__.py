"""konverteringsplan: plan.yaml → validated plan → figures → a searchable Danish MkDocs site."""

DISTRIBUTION = "konverteringsplan"


def version() -> str:
    """The installed version, read from the package's metadata: pyproject.toml's `version` is the one
    place it is written (a wheel, an editable install and a release tag all carry it from there)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(DISTRIBUTION)
    except PackageNotFoundError:  # the code on a path without its metadata (never an installed package)
        return "0+ukendt"
