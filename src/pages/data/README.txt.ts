// /data/README.txt: the licence, the dates and every field, for readers of the CSV files (src/lib/record/open-data.ts).
import type { APIRoute } from 'astro';
import { README_PATH } from '../../lib/record/open-data.ts';
import { dataResponse } from '../../lib/record/site-open-data.ts';

export const GET: APIRoute = () => dataResponse(README_PATH);
