"""Reading reviews from files and turning them into labelled, storable reviews."""
