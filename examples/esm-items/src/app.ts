import 'reflect-metadata';
import { createApp } from '@deft/core';
import { ItemsController } from './items-controller.js';

export const app = createApp({ title: 'ES-module items', controllers: [ItemsController] });
