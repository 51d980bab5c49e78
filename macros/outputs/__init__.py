"""What the site and the publication are made of besides pages: search index, open data,
JSON schemas, web editor configuration, PDF booklet, atomic output folders."""
