"""The adapters: the MkDocs plugins, the command line, Zensical and the output folder. The only modules that know MkDocs, argparse or an output folder's layout."""
