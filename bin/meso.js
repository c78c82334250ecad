#!/usr/bin/env node
import '../dist/meso.js';
