/* Builds the task pane (dist/taskpane.html + taskpane.js) and, for development and the browser
 * test, the test page (dist/testhost.html) that runs the same pane on an in-memory Excel.
 *
 *   npx webpack --mode production                 → dist/ for deployment (no certificates needed)
 *   ADDIN_URL=https://example.org/zgtz/ npx webpack --mode production
 *                                                 → manifest.xml in dist/ points there
 *   ALLOW_LOCALHOST=1 npx webpack --mode production → dist/ still pointing at localhost (refused otherwise)
 *   npx webpack serve --mode development          → https://localhost:3000 (dev certificates)
 *   npx webpack --mode production --env testhost  → also dist/testhost.html
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const withTesthost = !production || Boolean(env.testhost);
  let publicUrl = process.env.ADDIN_URL || env.url || '';
  if (publicUrl && !publicUrl.endsWith('/')) publicUrl += '/';
  if (publicUrl && !publicUrl.startsWith('https://')) throw new Error(`ADDIN_URL must be https: ${publicUrl}`);
  // A production build for deployment must not ship a manifest that points at localhost; the test
  // page build (--env testhost) and an explicit ALLOW_LOCALHOST=1 are the exceptions.
  if (production && !publicUrl && !env.testhost && process.env.ALLOW_LOCALHOST !== '1') {
    throw new Error(
      'A production build needs ADDIN_URL=https://your.host/path/ (the manifest would point at localhost). ' +
        'Set ALLOW_LOCALHOST=1 to build for localhost anyway.',
    );
  }

  // Content-Security-Policy of the task pane: its own files and Microsoft's office.js CDN only.
  // Styles inline: Fluent UI (Griffel) writes its CSS at run time. The development build's
  // eval-source-map needs eval.
  const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}${production ? '' : " 'unsafe-eval'"}`,
    `connect-src 'self' ${OFFICE_CDN}${serving ? ' wss://localhost:3000' : ''}`,
    `frame-src 'self' ${OFFICE_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');

  const entry = { taskpane: './src/taskpane/index.tsx' };
  const pages = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      meta: { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: csp } },
    }),
  ];
  if (withTesthost) {
    entry.testhost = './src/testhost/index.tsx';
    pages.push(new HtmlWebpackPlugin({ filename: 'testhost.html', template: './src/testhost/testhost.html', chunks: ['testhost'] }));
  }

  let server;
  if (serving) {
    // Only the dev server needs the trusted localhost certificate (office-addin-dev-certs).
    const devCerts = require('office-addin-dev-certs');
    server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }

  return {
    mode: production ? 'production' : 'development',
    // No public source maps in production: SOURCE_MAPS=1 writes them unreferenced (hidden), to keep aside.
    devtool: production ? (process.env.SOURCE_MAPS === '1' ? 'hidden-source-map' : false) : 'eval-source-map',
    entry,
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules out of ts-loader, so webpack can tree-shake Fluent UI and its icons.
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext' } } },
        },
      ],
    },
    plugins: [
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              if (!production || !publicUrl) return content;
              return content.toString().replace(new RegExp(DEV_URL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'g'), publicUrl);
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port: 3000,
          server,
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: { directory: path.resolve(__dirname, 'dist') },
          hot: false,
        }
      : undefined,
  };
};
