"""Reading the plan: YAML with line numbers, the typed model with Danish errors, the CPR guard."""
