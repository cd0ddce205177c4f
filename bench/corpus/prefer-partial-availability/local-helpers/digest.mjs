// An ESM digest mailer with helpers declared in the module.

import ky from 'ky';
import { readFile } from 'node:fs/promises';

const news = ky.create({ prefixUrl: 'https://news.internal/v1' });

const topStories = () => news.get('top').json();
const weather = async (city) => news.get(`weather/${city}`).json();
const template = () => readFile(new URL('./digest.html', import.meta.url), 'utf8');

const [stories, forecast, html] = await Promise.all([topStories(), weather('Berlin'), template()]); // expect: prefer-partial-availability

const [html2] = await Promise.all([template()]); // ok

console.log(stories, forecast, html.length, html2.length);
