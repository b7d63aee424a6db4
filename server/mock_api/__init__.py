"""The mock of the Genlook API: the app proxy, the other seed APIs, the /_mock control API and the state they share."""
