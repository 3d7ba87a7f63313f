"""One module per assignment: plots, widgets, and the mistakes its checks recognise."""
