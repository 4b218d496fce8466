"""The families of pages, one module per family: `articles` (each article, and their listing),
`entities` (each entity's pages, and the index of each kind), `timeline`, `sitewide` (home, map, search,
404); `base` has what they share. `builder.site.pages.FAMILIES` lists them."""
