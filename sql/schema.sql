-- The warehouse tables. Views live in sql/views/, one file per view.
-- NOTE: keep in sync with etl/model.py (Fact, Rejection, Article).

-- One row per ingest run.
create table if not exists runs (
    run_id            integer primary key,
    started_at        timestamp not null,
    finished_at       timestamp,          -- null while running or if killed
    status            varchar not null,   -- running | complete | incomplete | interrupted
    sources           varchar[] not null,
    extractor_version varchar not null,
    n_articles        integer,            -- articles read
    n_loaded          integer,            -- articles (re-)extracted and loaded
    n_skipped         integer,            -- unchanged since the last run
    n_failed          integer,            -- inputs that could not be read
    n_facts           integer
);

-- One row per article; `id` is the given id or the file stem.
create table if not exists articles (
    id                varchar primary key,
    title             varchar,
    outlet            varchar,
    url               varchar,
    published         date,               -- null: undated, never guessed
    published_from    varchar,            -- field | text | null
    origin            varchar,            -- path:line it was read from
    n_chars           integer,
    content_hash      varchar not null,
    extractor_version varchar not null,
    run_id            integer not null
);

-- One row per fact; fact_no orders facts within an article.
create table if not exists facts (
    doc               varchar not null,
    fact_no           integer not null,
    metric            varchar not null,
    value             bigint not null,    -- counts are whole (km² rounded: FACTS.md)
    low               bigint,
    high              bigint,
    qualifier         varchar not null,
    unit              varchar not null,
    side              varchar,
    location          varchar,            -- as the article names it
    place             varchar,            -- the location in one spelling (Kyiv for Kiev)
    weapon            varchar,
    period            varchar,
    is_part           boolean not null,
    claimant          varchar,
    claimant_raw      varchar,
    window_start      date,
    window_end        date,
    window_note       varchar,
    kind              varchar,            -- incident | period_total | running_tally | unknown
    kind_reason       varchar,            -- why it was read so (etl/extract/kinds.py)
    quote             varchar not null,
    quote_start       integer not null,
    quote_end         integer not null,
    surface           varchar not null,
    surface_start     integer not null,
    rule              varchar not null,
    run_id            integer not null,
    primary key (doc, fact_no)
);

-- Warehouses made before `place` existed get it (null until re-extracted:
-- the new extractor version re-extracts their articles on the next ingest).
alter table facts add column if not exists place varchar;
-- ... and `kind` (the next ingest re-extracts their articles: new version).
alter table facts add column if not exists kind varchar;
alter table facts add column if not exists kind_reason varchar;


-- One row per number the extractor saw and did not keep.
create table if not exists rejections (
    doc               varchar not null,
    surface           varchar not null,
    surface_start     integer not null,
    surface_end       integer not null,
    reason            varchar not null,
    quote             varchar not null,
    run_id            integer not null
);


-- The Air Force bulletins (`warstats load-bulletins`, etl/bulletin/): reference
-- data to hold the news against. One load at a time: a changed file replaces
-- the rows, the model and poster tables of the previous load.

-- One row per load of a bulletin file.
create table if not exists bulletin_loads (
    load_id           integer primary key,
    loaded_at         timestamp not null,
    path              varchar not null,
    content_hash      varchar not null,   -- the file's
    tables_hash       varchar not null,   -- etl/bulletin/models.csv and posters.csv
    n_rows            integer not null,   -- data rows read, bad ones included
    n_bad             integer not null    -- rows with a problem (not counted)
);

-- One row per data row of the loaded file, bad ones included (`problem`).
-- Times are Kyiv time as written; counts are whole numbers ("93.0" -> 93),
-- null where the file has none ("", "NaN").
create table if not exists bulletin_rows (
    load_id           integer not null,
    line              integer not null,   -- where the row starts in the file
    time_start        varchar,            -- as written
    time_end          varchar,
    starts_at         timestamp,
    ends_at           timestamp,
    start_has_time    boolean,            -- false: a date with no time of day
    end_has_time      boolean,
    model             varchar,
    launch_place      varchar,
    target            varchar,
    launched          bigint,
    destroyed         bigint,
    not_reach_goal    bigint,             -- lost: jammed, fell short
    still_attacking   bigint,             -- in the air when the post went out
    is_shahed         bigint,             -- Shaheds among the launched
    source            varchar,            -- the post
    problem           varchar,            -- null, or what is wrong — what to do
    as_written        varchar,            -- the row's fields as JSON (or its text)
    primary key (load_id, line)
);

-- One row per weapon model the bulletins name (etl/bulletin/models.csv).
create table if not exists bulletin_models (
    model             varchar primary key,
    weapon_class      varchar not null,   -- drone | missile | bomb
    kind              varchar not null,   -- shahed/decoy, recon, ballistic, cruise, ...
    weapons           varchar[] not null  -- the weapon names of facts it covers
);

-- One row per account that posts bulletins (etl/bulletin/posters.csv).
create table if not exists bulletin_posters (
    account           varchar primary key,  -- lower case
    poster            varchar not null,
    scope             varchar not null      -- national | regional | other
);


-- A figure as a table shows it, its qualifier visible: "~36", "≥300",
-- "≤8,000", "10,000–12,000", "200–999 (vague)", "810". The views and the
-- briefing's queries write figures with it, so every table reads alike.
create or replace macro figure_text(value, qualifier, low, high) as
    case qualifier
        when 'approx' then '~' || format('{:,}', value)
        when 'at_least' then '≥' || format('{:,}', value)
        when 'at_most' then '≤' || format('{:,}', value)
        when 'range' then format('{:,}', coalesce(low, value)) || '–'
            || coalesce(format('{:,}', high), '?')
        when 'vague' then format('{:,}', coalesce(low, value)) || '–'
            || coalesce(format('{:,}', high), '?') || ' (vague)'
        else format('{:,}', value)
    end;
