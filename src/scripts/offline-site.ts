/** The offline edition's page script (a classic script: file:// pages cannot load modules): the phone menu, previews, shortcuts, citation copying. */
import './menu.ts';
import './previews.ts';
import './shortcuts.ts';
import './cite-copy.ts';
