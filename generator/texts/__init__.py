"""Every Danish word a user sees that is not in a template (generator/pages/templates/*.md.j2).

One package, one module per audience:

- ``site``: what the site and its downloads say outside the templates (navigation, charts,
  spreadsheets, calendars, the KLIK steps, Fremdrift verdicts).
- ``reading``: what is said about reading the input: YAML syntax and values, file and folder paths,
  the CPR guard, the operating system's reasons, the count of messages not shown.
- ``language``: Danish as the formatting filters write it (Babel date patterns, "og"/"samt", units).
- ``commands``: what the command line, ``new``, ``optael`` and the MkDocs and Zensical adapters print
  or log, and the Danish search's language data (synonyms, compound rules).

Python elsewhere picks a text from here and fills in numbers and names; it writes no Danish itself.
"""
