"""The mock Shopify store: product pages (our own theme, Dawn-like, Horizon-like), the cart, the block's Liquid."""
