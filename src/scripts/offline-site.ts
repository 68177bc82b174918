/** The offline edition's page script (a classic script: file:// pages cannot load modules): previews, shortcuts, citation copying. */
import './previews.ts';
import './shortcuts.ts';
import './cite-copy.ts';
