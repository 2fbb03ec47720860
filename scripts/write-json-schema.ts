import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../src/schema/json-schema.js';

writeFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), scenarioJsonSchemaText());
console.log('wrote scenarios/scenario.schema.json');
