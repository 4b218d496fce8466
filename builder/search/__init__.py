"""Search: the index readers search the site with. Pagefind (`pagefind`) is the implementation."""
