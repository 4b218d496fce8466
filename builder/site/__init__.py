"""Site: the pages. One article laid out once (`fragments`), the site-wide view read from the store
(`collect`, cut into periods by `periods`), the families of pages and their URLs (`pages`, `urls`),
the Jinja2 environment (`templating`, default `theme`), and the data files beside the HTML
(`export`, `feeds`, `graph`, `seo`, `notes`).
"""
