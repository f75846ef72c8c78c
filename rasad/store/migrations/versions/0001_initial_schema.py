"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('inter', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('articles',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=500), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('encoding_note', sa.String(length=200), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('extraction_warnings', sa.JSON(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('url')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_text_hash'), ['text_hash'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('event_date', sa.String(length=10), nullable=True),
    sa.Column('time_precision', sa.Integer(), nullable=True),
    sa.Column('disorder_type', sa.String(length=100), nullable=True),
    sa.Column('event_type', sa.String(length=100), nullable=True),
    sa.Column('sub_event_type', sa.String(length=100), nullable=True),
    sa.Column('actor1', sa.String(length=300), nullable=True),
    sa.Column('actor2', sa.String(length=300), nullable=True),
    sa.Column('assoc_actor_1', sa.JSON(), nullable=False),
    sa.Column('assoc_actor_2', sa.JSON(), nullable=False),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('interaction', sa.Integer(), nullable=True),
    sa.Column('civilian_targeting', sa.Boolean(), nullable=False),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('iso', sa.Integer(), nullable=True),
    sa.Column('admin1', sa.String(length=200), nullable=True),
    sa.Column('admin2', sa.String(length=200), nullable=True),
    sa.Column('admin3', sa.String(length=200), nullable=True),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('location_ar', sa.String(length=300), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.String(length=200), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=False),
    sa.Column('injuries', sa.Integer(), nullable=True),
    sa.Column('weapons', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('source_url', sa.String(length=2000), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('review_state', sa.String(length=20), nullable=False),
    sa.Column('overrides', sa.JSON(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('source_count', sa.Integer(), nullable=False),
    sa.Column('article_ids', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_actor1'), ['actor1'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_actor2'), ['actor2'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_admin1'), ['admin1'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_admin2'), ['admin2'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_confidence'), ['confidence'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_type'), ['event_type'], unique=False)
        batch_op.create_index('ix_events_lat_lon', ['latitude', 'longitude'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_review_state'), ['review_state'], unique=False)

    op.create_table('places',
    sa.Column('place_id', sa.String(length=200), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('location_ar', sa.String(length=300), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('admin1', sa.String(length=200), nullable=True),
    sa.Column('admin2', sa.String(length=200), nullable=True),
    sa.Column('admin3', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('place_id')
    )
    op.create_table('reviews',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('reviewer', sa.String(length=200), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_event_id'), ['event_id'], unique=False)

    op.create_table('event_sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=200), nullable=False),
    sa.Column('article_id', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('extracted', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.create_index('ix_event_sources_article', ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_sources_event_id'), ['event_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_sources_event_id'))
        batch_op.drop_index('ix_event_sources_article')

    op.drop_table('event_sources')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_event_id'))

    op.drop_table('reviews')
    op.drop_table('places')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_review_state'))
        batch_op.drop_index(batch_op.f('ix_events_place_id'))
        batch_op.drop_index('ix_events_lat_lon')
        batch_op.drop_index(batch_op.f('ix_events_event_type'))
        batch_op.drop_index(batch_op.f('ix_events_event_date'))
        batch_op.drop_index(batch_op.f('ix_events_confidence'))
        batch_op.drop_index(batch_op.f('ix_events_admin2'))
        batch_op.drop_index(batch_op.f('ix_events_admin1'))
        batch_op.drop_index(batch_op.f('ix_events_actor2'))
        batch_op.drop_index(batch_op.f('ix_events_actor1'))

    op.drop_table('events')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_text_hash'))
        batch_op.drop_index(batch_op.f('ix_articles_published'))

    op.drop_table('articles')
    op.drop_table('actors')
