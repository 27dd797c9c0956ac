/**
 * `tsx functions/src/openapi/write-openapi.ts <folder>`: writes the API's description (the
 * OpenAPI document and its reference page) into the folder. The CDK runs it after bundling
 * the API function, which then serves these files (api-description.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { API_DESCRIPTION_FILES } from './api-description.ts';
import { builtApiDescription } from './built-api-description.ts';

const folder = process.argv[2];
if (!folder) throw new Error('Usage: write-openapi.ts <folder>');
writeFileSync(path.join(folder, API_DESCRIPTION_FILES.document), JSON.stringify(await builtApiDescription.document()));
writeFileSync(path.join(folder, API_DESCRIPTION_FILES.referencePage), await builtApiDescription.referencePage());
