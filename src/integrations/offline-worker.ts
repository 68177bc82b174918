/**
 * The offline edition's thread (writeOfflineEdition in offline.ts): builds the edition with buildOfflineEdition, off
 * the thread that serves Chromium's requests for the PDF and feeds Pagefind, so those are not kept waiting behind
 * hundreds of pages being rewritten. When it is to wait for the documents (the PDF and the EPUB, then their sizes on
 * the home page), it waits for the message saying they are in dist/. Node loads it from source, so it and what it
 * imports must be erasable TypeScript.
 *
 *   workerData { options: OfflineOptions without `documents`, waitForDocuments }  →  message { report }
 *   message 'documents' (from the build)  →  the home page, the PDF and the EPUB are taken
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildOfflineEdition, type OfflineOptions } from './offline.ts';

const { options, waitForDocuments } = workerData as { options: Omit<OfflineOptions, 'documents'>; waitForDocuments: boolean };
const documents = waitForDocuments ? new Promise<void>((resolve) => parentPort!.once('message', () => resolve())) : undefined;
parentPort!.postMessage({ report: await buildOfflineEdition({ ...options, documents }) });
