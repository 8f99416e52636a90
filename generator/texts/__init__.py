"""Every Danish word a user sees that is not in a template (generator/pages/templates/*.md.j2).

One package, one module per audience:

- ``site``: what the site and its downloads say outside the templates (navigation, charts,
  spreadsheets, calendars, the KLIK steps, Fremdrift verdicts).
- ``commands``: what the command line, ``new``, ``optael`` and the MkDocs and Zensical adapters print
  or log, and the Danish search's language data (synonyms, compound rules).

Python elsewhere picks a text from here and fills in numbers and names; it writes no Danish itself.
"""
