/**
 * The open data files of this build: the content graph (site-data.ts) and the build date, through the pure module
 * (open-data.ts). The /data/ routes and the Data page read them here, so they state the same bytes and sizes.
 */
import { buildDate } from './build-date.ts';
import { dataFileAt, openDataFiles, type DataFile } from './open-data.ts';
import { loadBriefing } from '../content/site-data.ts';

let built: Date | undefined;

export async function siteDataFiles(): Promise<DataFile[]> {
  built ??= buildDate().date;
  return openDataFiles(await loadBriefing(), { built });
}

/** A route's response for one file, with its media type. */
export async function dataResponse(path: string): Promise<Response> {
  built ??= buildDate().date;
  const file = dataFileAt(await loadBriefing(), { built }, path);
  const type = file.format === 'csv' ? 'text/csv; charset=utf-8' : file.format === 'readme' ? 'text/plain; charset=utf-8' : 'application/json';
  return new Response(file.text, { headers: { 'Content-Type': type } });
}
