"""The rules that find people, organisations and places, and the document they share."""
