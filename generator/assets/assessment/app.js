// assessment app (placeholder until issue 4)
