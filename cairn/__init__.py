"""Cairn: case management for youth justice services, built on the AssetPlus framework."""
