"""The one thing pyproject.toml cannot say: the repository keeps the code in generator/, and installed it
imports as `konverteringsplan` (a name of its own, that cannot collide with a user's `generator`)."""

from setuptools import find_namespace_packages, setup

SOURCE, NAME = "generator", "konverteringsplan"

setup(
    package_dir={NAME: SOURCE},
    packages=[
        NAME + p[len(SOURCE) :]
        for p in find_namespace_packages(include=[SOURCE, f"{SOURCE}.*"], exclude=["*.__pycache__", "*.__pycache__.*"])
    ],
)
