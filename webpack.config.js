/* Builds the task pane (dist/taskpane.html + taskpane.js) and, for development and the browser
 * test, the test page (dist/testhost.html) that runs the same pane on an in-memory Excel.
 *
 *   npx webpack --mode production                 → dist/ for deployment (no certificates needed)
 *   ADDIN_URL=https://example.org/zgtz/ npx webpack --mode production
 *                                                 → manifest.xml in dist/ points there
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

  const entry = { taskpane: './src/taskpane/index.tsx' };
  const pages = [
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
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
    devtool: production ? 'source-map' : 'eval-source-map',
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
