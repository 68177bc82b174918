// html-validate configuration for both editions. Every rule of the recommended preset applies, except as noted.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // The doctype is case-insensitive in HTML; Astro and rehype both write it in lower case.
    'doctype-style': 'off',
    // The layout keeps titles within 70 visible characters, but this rule counts the serialised text, where an
    // apostrophe is written "&#39;" (five characters); 80 leaves room for that.
    'long-title': ['error', { maxlength: 80 }],
  },
};
