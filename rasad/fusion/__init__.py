"""Fusion: several reports of one incident become one event listing every source.

    cfg = load_fusion_config()                # or load_fusion_config("my-thresholds.json")
    same, why = same_incident(a, b, cfg)      # a, b: event records as dicts
    event = fuse_records([a, b])              # one record, every source's evidence kept
"""

from rasad.fusion.config import FusionConfig, load_fusion_config
from rasad.fusion.match import haversine_km, same_incident
from rasad.fusion.merge import fuse_records

__all__ = ["FusionConfig", "fuse_records", "haversine_km", "load_fusion_config", "same_incident"]
