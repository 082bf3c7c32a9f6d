"""Making packs: a new pack's files, reading an article's source, suggested highlights and
writing them into a pack. No Textual."""
