// The JSON downloads: /data/<dataset>.json, each dataset's records with their licence and dates (src/lib/record/open-data.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATASET_NAMES, OPEN_DATASETS } from '../../schemas/open-data.ts';
import { dataResponse } from '../../lib/record/site-open-data.ts';

export const getStaticPaths = (() => DATASET_NAMES.map((name) => ({ params: { dataset: OPEN_DATASETS[name].file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => dataResponse(`data/${params.dataset}.json`);
