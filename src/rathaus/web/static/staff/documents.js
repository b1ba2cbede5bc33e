/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The documents page /intern/dokumente (pages/staff/dokumente.html): the lists are server HTML; this
 * module adds uploading to a collection or to the own documents and removing documents (uploads.js).
 */

import {startPage} from "./api.js";
import {initRemoval, initUploads} from "./uploads.js";

startPage(function () {
  initUploads();
  initRemoval();
});
