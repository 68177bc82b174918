/** The offline edition's page script (a classic script: file:// pages cannot load modules): previews and shortcuts. */
import './previews.ts';
import './shortcuts.ts';
