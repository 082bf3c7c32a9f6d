"""Making packs: a new pack's files (`init`), reading an article's source, rule-based,
offline and explainable suggestions of its highlights and the people they need (`add`), and
Review's edits to the files. No models, no downloads, no Textual."""
