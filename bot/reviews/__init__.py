"""The review core: text repair, opinions, storage and answering. Knows no chat platform."""
