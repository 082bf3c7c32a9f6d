"""The comparison: the matrix of sides and dimensions, figures, renderings. No Textual."""
