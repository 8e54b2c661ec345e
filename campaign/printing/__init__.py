"""The print pipeline shared by posters and guides: Chromium lays out, pikepdf sets exact
pages, boxes and crop marks; a content-addressed cache; QR codes; thumbnails."""
