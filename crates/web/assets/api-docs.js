/*
 * Aula — offline OpenAPI 3.1 documentation browser.
 *
 * Vanilla ES2017, no libraries, no eval, no inline handlers: works under
 * Content-Security-Policy "script-src 'self'". Every piece of text taken from
 * the document is inserted with textContent / createTextNode, never innerHTML.
 *
 * The page (templates/pages/api_docs.html) provides:
 *   #api-docs-root    the container, emptied and filled (required; old name #api-root);
 *   #api-status       the status line, role="status" (optional, #api-docs-status also
 *                     accepted; created before the container when missing);
 *   #api-docs-labels  <script type="application/json">: every visible label, translated,
 *                     keyed like "parameters" (Fluent message api-docs-parameters).
 */
(function () {
  'use strict';

  const SPEC_URL = '/api/openapi.json';
  const MAX_DEPTH = 8; // nesting limit for schema rendering (guards recursive $refs)
  const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  const REF_PREFIX = '#/components/schemas/';

  // Element ids the page provides. The first id found wins; the others are
  // older names kept so a page written for an earlier version still works.
  const ROOT_IDS = ['api-docs-root', 'api-root'];
  const STATUS_IDS = ['api-docs-status', 'api-status'];
  const LABELS_ID = 'api-docs-labels';

  let spec = null;
  const usedIds = Object.create(null);
  let rootEl = null;
  let statusEl = null;

  /* ------------------------------------------------------------------ */
  /* Translated labels                                                    */
  /* ------------------------------------------------------------------ */

  // The server embeds the labels of the page's language as JSON:
  //   <script type="application/json" id="api-docs-labels">{"parameters": "…"}</script>
  // Values may hold named placeholders, "{name}", filled in by L() and T().
  let labelTable = null;
  let pluralRules = null;
  let numberFormat = null;

  function labels() {
    if (labelTable) return labelTable;
    labelTable = Object.create(null);
    const node = document.getElementById(LABELS_ID);
    if (node) {
      try {
        const parsed = JSON.parse(node.textContent || '{}');
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          Object.keys(parsed).forEach(function (key) {
            if (typeof parsed[key] === 'string') labelTable[key] = parsed[key];
          });
        }
      } catch (e) {
        if (window.console) console.error('api-docs: unreadable labels', e);
      }
    }
    return labelTable;
  }

  function pageLang() {
    return (document.documentElement && document.documentElement.lang) || 'en';
  }

  /** The raw label `key`, or `fallback` (the key itself by default) when missing. */
  function template(key, fallback) {
    const table = labels();
    return key in table && table[key] !== '' ? table[key] : (fallback === undefined ? key : fallback);
  }

  /** A copy of a value (string, node or array of both) whose nodes are fresh. */
  function cloneParts(value) {
    if (Array.isArray(value)) return value.map(cloneParts);
    if (value && typeof value === 'object' && typeof value.cloneNode === 'function') return value.cloneNode(true);
    return value;
  }

  function fill(text, args) {
    const out = [];
    const used = Object.create(null);
    const re = /\{([A-Za-z0-9_-]+)\}/g;
    let last = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) out.push(text.slice(last, m.index));
      const name = m[1];
      if (args && Object.prototype.hasOwnProperty.call(args, name) && args[name] !== undefined && args[name] !== null) {
        const value = typeof args[name] === 'number' ? formatNumber(args[name]) : args[name];
        // A node can only be in one place: a placeholder used twice gets a copy.
        out.push(used[name] ? cloneParts(value) : value);
        used[name] = true;
      } else {
        out.push(m[0]);
      }
      last = re.lastIndex;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  /**
   * The label `key` as parts for el()/append(): each "{name}" placeholder is
   * replaced by args[name], which may be a string, a number, a DOM node or an
   * array of those. A missing label shows as its key.
   */
  function T(key, args) {
    return fill(template(key), args);
  }

  function partsText(parts) {
    if (Array.isArray(parts)) return parts.map(partsText).join('');
    if (parts && typeof parts === 'object') return parts.textContent || '';
    return parts === undefined || parts === null ? '' : String(parts);
  }

  /** The label `key` as a string, placeholders filled in from args. */
  function L(key, args) {
    return partsText(T(key, args));
  }

  /** The label `key` if the page provides it, else `fallback` (no placeholders). */
  function Lor(key, fallback) {
    return template(key, fallback);
  }

  /** Key of the plural form for n: `base-one` or `base-other`, by the page language's rules. */
  function pluralKey(base, n) {
    let category = n === 1 ? 'one' : 'other';
    try {
      if (!pluralRules) pluralRules = new Intl.PluralRules(pageLang());
      category = pluralRules.select(n);
    } catch (e) { /* keep the English rule */ }
    return base + (category === 'one' ? '-one' : '-other');
  }

  /** T() for a count: picks `base-one` or `base-other` and passes {count}. */
  function Tn(base, n, args) {
    return T(pluralKey(base, n), Object.assign({ count: n }, args || {}));
  }

  function formatNumber(n) {
    try {
      if (!numberFormat) numberFormat = new Intl.NumberFormat(pageLang());
      return numberFormat.format(n);
    } catch (e) {
      return String(n);
    }
  }

  /* ------------------------------------------------------------------ */
  /* DOM helpers                                                          */
  /* ------------------------------------------------------------------ */

  /**
   * el('p', {className: 'meta', text: 'x', id: 'y'}, [child, 'text', ...])
   * Strings in children become text nodes; null/undefined/false are skipped.
   */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        const value = attrs[key];
        if (value === undefined || value === null || value === false) return;
        if (key === 'className') node.className = value;
        else if (key === 'text') node.textContent = String(value);
        else if (key === 'hidden') node.hidden = !!value;
        else node.setAttribute(key, value === true ? '' : String(value));
      });
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    if (children === undefined || children === null || children === false) return node;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      if (Array.isArray(child)) append(node, child);
      else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
      else node.appendChild(child);
    });
    return node;
  }

  function code(text, className) {
    return el('code', { className: className, text: text });
  }

  function hiddenText(text) {
    return el('span', { className: 'visually-hidden', text: text });
  }

  function slug(text) {
    const base = String(text).toLowerCase()
      .replace(/[{}]/g, '')
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section';
    return base;
  }

  function uniqueId(prefix, text) {
    let id = prefix + slug(text);
    if (usedIds[id]) {
      usedIds[id] += 1;
      id = id + '-' + usedIds[id];
    } else {
      usedIds[id] = 1;
    }
    return id;
  }

  function schemaAnchor(name) {
    return 'schema-' + slug(name);
  }

  function formatValue(value) {
    if (typeof value === 'string') return JSON.stringify(value);
    try {
      return JSON.stringify(value);
    } catch (e) {
      return String(value);
    }
  }

  /**
   * Renders plain descriptions (OpenAPI descriptions are CommonMark; we only
   * honour paragraphs, "- " bullet lists and `code` spans, and render the rest
   * as text). Returns a DocumentFragment.
   */
  function renderText(text) {
    const frag = document.createDocumentFragment();
    if (!text || typeof text !== 'string') return frag;
    text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).forEach(function (block) {
      const lines = block.split('\n').filter(function (l) { return l.trim() !== ''; });
      if (!lines.length) return;
      if (lines.every(function (l) { return /^\s*[-*]\s+/.test(l); })) {
        frag.appendChild(el('ul', null, lines.map(function (l) {
          return el('li', null, inlineText(l.replace(/^\s*[-*]\s+/, '')));
        })));
      } else {
        frag.appendChild(el('p', null, inlineText(lines.join(' '))));
      }
    });
    return frag;
  }

  function inlineText(text) {
    return text.split('`').map(function (part, i) {
      return i % 2 === 1 ? code(part) : part;
    });
  }

  /* ------------------------------------------------------------------ */
  /* $ref resolution                                                      */
  /* ------------------------------------------------------------------ */

  function resolvePointer(ref) {
    if (typeof ref !== 'string' || ref.charAt(0) !== '#') return undefined;
    const parts = ref.slice(1).split('/').slice(1);
    let node = spec;
    for (let i = 0; i < parts.length; i++) {
      let key;
      try {
        key = decodeURIComponent(parts[i]);
      } catch (e) {
        key = parts[i];
      }
      key = key.replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
      node = node[key];
    }
    return node;
  }

  /** Follows a chain of $refs on non-schema objects (parameters, responses…). */
  function deref(obj) {
    let guard = 0;
    while (obj && typeof obj === 'object' && typeof obj.$ref === 'string' && guard < 10) {
      const target = resolvePointer(obj.$ref);
      if (target === undefined) return obj;
      obj = target;
      guard += 1;
    }
    return obj;
  }

  function refName(ref) {
    if (typeof ref !== 'string') return '';
    if (ref.indexOf(REF_PREFIX) === 0) return decodeURIComponent(ref.slice(REF_PREFIX.length)).replace(/~1/g, '/').replace(/~0/g, '~');
    const bits = ref.split('/');
    return bits[bits.length - 1] || ref;
  }

  function isRef(schema) {
    return !!schema && typeof schema === 'object' && typeof schema.$ref === 'string';
  }

  /* ------------------------------------------------------------------ */
  /* Schema description                                                   */
  /* ------------------------------------------------------------------ */

  function schemaTypes(schema) {
    if (!schema || typeof schema !== 'object') return [];
    if (Array.isArray(schema.type)) return schema.type.slice();
    if (typeof schema.type === 'string') {
      const t = [schema.type];
      if (schema.nullable === true) t.push('null'); // OpenAPI 3.0 style
      return t;
    }
    if (schema.properties || schema.additionalProperties) return ['object'];
    if (schema.items) return ['array'];
    if (Array.isArray(schema.enum) && schema.enum.length) {
      const seen = [];
      schema.enum.forEach(function (v) {
        const t = v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v === 'number' && Number.isInteger(v)) ? 'integer' : typeof v;
        if (seen.indexOf(t) === -1) seen.push(t);
      });
      return seen;
    }
    return [];
  }

  function isNullSchema(s) {
    return !!s && typeof s === 'object' && (s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null'));
  }

  /** Inline label for a schema's type, e.g. "array of Course", "string (date) or null". */
  function typeLabel(schema, depth) {
    depth = depth || 0;
    const span = el('span', { className: 'api-type' });
    append(span, typeParts(schema, depth));
    return span;
  }

  /** A JSON type name in words (type-string, type-array…), the name itself when unlabelled. */
  function typeName(t) {
    return Lor('type-' + t, t);
  }

  function typeParts(schema, depth) {
    if (schema === true || schema === undefined || schema === null) return [L('type-any')];
    if (schema === false) return [L('type-nothing')];
    if (typeof schema !== 'object') return [String(schema)];
    if (depth > MAX_DEPTH) return ['…'];

    if (isRef(schema)) {
      const name = refName(schema.$ref);
      if (schema.$ref.indexOf(REF_PREFIX) === 0 && resolvePointer(schema.$ref) !== undefined) {
        return [el('a', { href: '#' + schemaAnchor(name), text: name })];
      }
      return [name];
    }
    if ('const' in schema) return T('type-const', { value: code(formatValue(schema.const)) });

    for (const key of ['oneOf', 'anyOf']) {
      if (Array.isArray(schema[key]) && schema[key].length) {
        const alts = schema[key];
        const nonNull = alts.filter(function (a) { return !isNullSchema(a); });
        if (nonNull.length === 1 && nonNull.length < alts.length) {
          return T('or', { left: typeParts(nonNull[0], depth + 1), right: typeName('null') });
        }
        const list = [];
        alts.forEach(function (a, i) {
          if (i) list.push(' | ');
          Array.prototype.push.apply(list, typeParts(a, depth + 1));
        });
        return T(key === 'oneOf' ? 'type-one-of' : 'type-any-of', { types: list });
      }
    }
    if (Array.isArray(schema.allOf) && schema.allOf.length) {
      if (schema.allOf.length === 1) return typeParts(schema.allOf[0], depth + 1);
      const list = [];
      schema.allOf.forEach(function (a, i) {
        if (i) list.push(' & ');
        Array.prototype.push.apply(list, typeParts(a, depth + 1));
      });
      return T('type-all-of', { types: list });
    }

    const types = schemaTypes(schema);
    if (!types.length) return [L('type-any')];
    let out = [];
    const nonNull = types.filter(function (t) { return t !== 'null'; });
    nonNull.forEach(function (t, i) {
      let part;
      if (t === 'array') {
        if (schema.items !== undefined) {
          part = T('type-array-of', { type: typeParts(schema.items, depth + 1) });
        } else if (Array.isArray(schema.prefixItems)) {
          part = [L('type-tuple')];
        } else {
          part = [typeName('array')];
        }
      } else if (t === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) {
        part = T('type-map-of', { type: typeParts(schema.additionalProperties, depth + 1) });
      } else {
        part = [typeName(t)];
        if (schema.format && (t === 'string' || t === 'integer' || t === 'number')) part.push(' (' + schema.format + ')');
      }
      out = i ? T('or', { left: out, right: part }) : part;
    });
    if (types.indexOf('null') !== -1) {
      out = nonNull.length ? T('or', { left: out, right: typeName('null') }) : [typeName('null')];
    }
    return out;
  }

  /** For oneOf/anyOf: [X, {type: null}] returns X (the "nullable X" pattern), else null. */
  function nullableInner(schema) {
    if (!schema || typeof schema !== 'object') return null;
    const alts = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : null;
    if (!alts || alts.length < 2) return null;
    const nonNull = alts.filter(function (a) { return !isNullSchema(a); });
    return nonNull.length === 1 ? nonNull[0] : null;
  }

  /** Does a schema have structure worth expanding (fields, alternatives…)? */
  function isComplex(schema, level) {
    level = level || 0;
    if (!schema || typeof schema !== 'object' || level > 4) return false;
    if (isRef(schema)) {
      const target = resolvePointer(schema.$ref);
      return target === undefined ? false : isComplex(target, level + 1);
    }
    if (schema.properties && Object.keys(schema.properties).length) return true;
    const inner = nullableInner(schema);
    if (inner) return isComplex(inner, level + 1);
    if (schema.oneOf || schema.anyOf) return true;
    if (Array.isArray(schema.allOf)) return schema.allOf.some(function (s) { return isComplex(s, level + 1); });
    if (schema.items && isComplex(schema.items, level + 1)) return true;
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && isComplex(schema.additionalProperties, level + 1)) return true;
    return false;
  }

  /** Small facts about a value: allowed values, default, bounds, etc. */
  function facts(schema, level) {
    level = level || 0;
    if (!schema || typeof schema !== 'object' || level > 4) return null;
    if (isRef(schema)) {
      const target = resolvePointer(schema.$ref);
      if (target && !isComplex(target)) {
        return facts(Object.assign({}, target, withoutRef(schema)), level + 1);
      }
    }
    const inner = nullableInner(schema);
    if (inner && !isComplex(inner)) {
      const own = Object.assign({}, schema);
      delete own.oneOf;
      delete own.anyOf;
      return facts(Object.assign({}, inner, own), level + 1);
    }
    const items = [];
    const add = function (key, value) {
      items.push(el('li', null, T(key, { value: value })));
    };
    if (Array.isArray(schema.enum)) {
      const values = [];
      schema.enum.forEach(function (v, i) {
        if (i) values.push(', ');
        values.push(code(v === null ? 'null' : typeof v === 'string' ? v : formatValue(v)));
      });
      add('fact-allowed-values', values);
    }
    if (schema.default !== undefined) add('fact-default', code(formatValue(schema.default)));
    if (schema.minimum !== undefined) add('fact-minimum', String(schema.minimum));
    if (schema.exclusiveMinimum !== undefined && typeof schema.exclusiveMinimum === 'number') add('fact-greater-than', String(schema.exclusiveMinimum));
    if (schema.maximum !== undefined) add('fact-maximum', String(schema.maximum));
    if (schema.exclusiveMaximum !== undefined && typeof schema.exclusiveMaximum === 'number') add('fact-less-than', String(schema.exclusiveMaximum));
    if (schema.minLength !== undefined) add('fact-min-length', String(schema.minLength));
    if (schema.maxLength !== undefined) add('fact-max-length', String(schema.maxLength));
    if (schema.pattern !== undefined) add('fact-pattern', code(String(schema.pattern)));
    if (schema.minItems !== undefined) add('fact-min-items', String(schema.minItems));
    if (schema.maxItems !== undefined) add('fact-max-items', String(schema.maxItems));
    if (schema.uniqueItems === true) items.push(el('li', { text: L('fact-unique-items') }));
    if (schema.readOnly === true) items.push(el('li', { text: L('fact-read-only') }));
    if (schema.writeOnly === true) items.push(el('li', { text: L('fact-write-only') }));
    if (schema.example !== undefined) add('fact-example', code(formatValue(schema.example)));
    else if (Array.isArray(schema.examples) && schema.examples.length) add('fact-example', code(formatValue(schema.examples[0])));
    if (!items.length) return null;
    return el('ul', { className: 'api-facts' }, items);
  }

  function withoutRef(schema) {
    const copy = Object.assign({}, schema);
    delete copy.$ref;
    return copy;
  }

  function descriptionOf(schema) {
    if (!schema || typeof schema !== 'object') return '';
    if (schema.description) return schema.description;
    const inner = nullableInner(schema);
    if (inner) return descriptionOf(inner);
    if (isRef(schema)) {
      const target = resolvePointer(schema.$ref);
      if (target && !isComplex(target) && target.description) return target.description;
    }
    return '';
  }

  /**
   * Tries to flatten allOf into one object schema (common "extends" pattern).
   * Returns null when the parts are not all plain objects.
   */
  function mergeAllOf(parts, stack, level) {
    if (level > 4) return null;
    const merged = { type: 'object', properties: {}, required: [] };
    for (let i = 0; i < parts.length; i++) {
      let part = parts[i];
      if (isRef(part)) {
        const name = refName(part.$ref);
        if (stack.indexOf(name) !== -1) return null;
        part = resolvePointer(part.$ref);
        if (!part) return null;
      }
      if (!part || typeof part !== 'object') return null;
      if (part.oneOf || part.anyOf) return null;
      if (Array.isArray(part.allOf)) {
        const inner = mergeAllOf(part.allOf, stack, level + 1);
        if (!inner) return null;
        part = Object.assign({}, part, inner, {
          properties: Object.assign({}, inner.properties, part.properties || {}),
          required: (inner.required || []).concat(part.required || [])
        });
      }
      const types = schemaTypes(part);
      if (types.length && types.indexOf('object') === -1) return null;
      Object.assign(merged.properties, part.properties || {});
      (part.required || []).forEach(function (r) {
        if (merged.required.indexOf(r) === -1) merged.required.push(r);
      });
      if (!merged.description && part.description) merged.description = part.description;
      if (part.additionalProperties !== undefined) merged.additionalProperties = part.additionalProperties;
    }
    return merged;
  }

  /**
   * Renders the structure of a schema (properties, alternatives, item shape).
   * Returns a Node, or null when there is nothing beyond the type label.
   * `stack` holds the names of $ref'd schemas currently being expanded.
   */
  function schemaBody(schema, depth, stack) {
    if (!schema || typeof schema !== 'object') return null;
    if (depth > MAX_DEPTH) {
      return el('p', { className: 'meta', text: L('nested-too-deep') });
    }

    if (isRef(schema)) {
      const name = refName(schema.$ref);
      const target = resolvePointer(schema.$ref);
      if (target === undefined) {
        return el('p', { className: 'meta' }, T('unresolved-ref', { ref: code(schema.$ref) }));
      }
      if (!isComplex(target)) return null; // facts() already shows enum values etc.
      const link = schema.$ref.indexOf(REF_PREFIX) === 0 ? el('a', { href: '#' + schemaAnchor(name), text: name }) : code(name);
      if (stack.indexOf(name) !== -1) {
        return el('p', { className: 'meta' }, T('recursive-ref', { name: link }));
      }
      if (depth === 0) {
        const wrap = el('div');
        if (target.description) append(wrap, el('div', { className: 'api-desc' }, renderText(target.description)));
        append(wrap, schemaBody(target, depth + 1, stack.concat(name)));
        return wrap;
      }
      return lazyRef(name, target, depth, stack);
    }

    const nullable = nullableInner(schema);
    if (nullable) return schemaBody(nullable, depth, stack); // "X or null": show X's structure

    const wrap = el('div');

    if (Array.isArray(schema.allOf) && schema.allOf.length) {
      const merged = mergeAllOf(schema.allOf, stack, 0);
      if (merged) {
        const combined = Object.assign({}, merged, {
          properties: Object.assign({}, merged.properties, schema.properties || {}),
          required: merged.required.concat(schema.required || [])
        });
        append(wrap, propertyList(combined, depth, stack));
      } else {
        append(wrap, alternatives(L('alternatives-all-of'), schema.allOf, depth, stack));
      }
    }
    if (Array.isArray(schema.oneOf) && schema.oneOf.length) {
      append(wrap, alternatives(L('alternatives-one-of'), schema.oneOf, depth, stack));
    }
    if (Array.isArray(schema.anyOf) && schema.anyOf.length) {
      append(wrap, alternatives(L('alternatives-any-of'), schema.anyOf, depth, stack));
    }
    if (schema.discriminator && schema.discriminator.propertyName) {
      append(wrap, el('p', { className: 'meta' }, T('discriminator', { name: code(schema.discriminator.propertyName) })));
    }
    if (!schema.allOf && schema.properties) {
      append(wrap, propertyList(schema, depth, stack));
    } else if (!schema.allOf && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      const inner = schemaBody(schema.additionalProperties, depth + 1, stack);
      if (inner) append(wrap, [el('p', { className: 'meta', text: L('each-value') }), inner]);
    }
    if (schema.items && typeof schema.items === 'object') {
      // A top-level "array of X" expands X directly, like a top-level X would.
      const itemDepth = depth === 0 && isRef(schema.items) ? 0 : depth + 1;
      const inner = schemaBody(schema.items, itemDepth, stack);
      if (inner) {
        append(wrap, el('p', { className: 'meta' }, T('each-item', { type: typeLabel(schema.items, depth + 1) })));
        append(wrap, inner);
      }
    }
    return wrap.childNodes.length ? wrap : null;
  }

  function propertyList(schema, depth, stack) {
    const props = schema.properties || {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    const names = Object.keys(props);
    const list = el('ul', { className: 'api-schema' });
    names.forEach(function (name) {
      append(list, propertyItem(name, props[name], required.indexOf(name) !== -1, depth, stack));
    });
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      append(list, propertyItem('*', schema.additionalProperties, false, depth, stack, L('any-other-property')));
    } else if (schema.additionalProperties === true && names.length) {
      append(list, el('li', { className: 'api-prop meta', text: L('other-properties-allowed') }));
    }
    if (!list.childNodes.length) {
      return el('p', { className: 'meta', text: L('no-documented-properties') });
    }
    return list;
  }

  function propertyItem(name, propSchema, isRequired, depth, stack, label) {
    const head = el('div', { className: 'api-prop-head' }, [
      label ? el('span', { className: 'api-prop-name', text: label }) : code(name, 'api-prop-name'),
      typeLabel(propSchema, depth + 1),
      isRequired
        ? el('span', { className: 'api-required', text: L('required') })
        : el('span', { className: 'api-optional', text: L('optional') }),
      propSchema && propSchema.deprecated ? el('span', { className: 'badge', text: L('deprecated') }) : null
    ]);
    const item = el('li', { className: 'api-prop' }, head);
    const desc = descriptionOf(propSchema);
    if (desc) append(item, el('div', { className: 'api-desc' }, renderText(desc)));
    append(item, facts(propSchema));
    append(item, schemaBody(propSchema, depth + 1, stack));
    return item;
  }

  function alternatives(title, list, depth, stack) {
    const box = el('div', { className: 'api-alternatives' }, el('p', { className: 'meta', text: title }));
    const ol = el('ol');
    list.forEach(function (alt) {
      const li = el('li', null, typeLabel(alt, depth + 1));
      const desc = descriptionOf(alt);
      if (desc) append(li, el('div', { className: 'api-desc' }, renderText(desc)));
      append(li, facts(alt));
      append(li, schemaBody(alt, depth + 1, stack));
      append(ol, li);
    });
    return append(box, ol);
  }

  /** Collapsible, lazily rendered expansion of a referenced schema. */
  function lazyRef(name, target, depth, stack) {
    const details = el('details', { className: 'api-ref' }, el('summary', null, T('fields-of', { name: code(name) })));
    let rendered = false;
    details.addEventListener('toggle', function () {
      if (!details.open || rendered) return;
      rendered = true;
      const body = schemaBody(target, depth + 1, stack.concat(name));
      append(details, body || el('p', { className: 'meta', text: L('no-further-details') }));
    });
    return details;
  }

  /** Type label + facts + structure, used for request/response bodies. */
  function schemaBlock(schema, stack) {
    const wrap = el('div', { className: 'api-schema-block' });
    append(wrap, el('p', null, T('body-schema', { type: typeLabel(schema, 0) })));
    if (schema && !isRef(schema) && schema.description) {
      append(wrap, el('div', { className: 'api-desc' }, renderText(schema.description)));
    }
    append(wrap, facts(schema));
    append(wrap, schemaBody(schema, 0, stack || []));
    return wrap;
  }

  function exampleBlock(mediaObj) {
    let value;
    if (mediaObj.example !== undefined) {
      value = mediaObj.example;
    } else if (mediaObj.examples && typeof mediaObj.examples === 'object') {
      const first = deref(mediaObj.examples[Object.keys(mediaObj.examples)[0]]);
      if (first && first.value !== undefined) value = first.value;
    }
    if (value === undefined) return null;
    let text;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    } catch (e) {
      text = String(value);
    }
    return [el('p', { className: 'meta', text: L('example') }), el('pre', { className: 'api-example', tabindex: '0' }, code(text))];
  }

  function contentBlock(content) {
    const wrap = el('div');
    Object.keys(content).forEach(function (mediaType) {
      const media = content[mediaType] || {};
      append(wrap, el('p', { className: 'meta' }, T('content-type', { type: code(mediaType) })));
      if (media.schema !== undefined) append(wrap, schemaBlock(media.schema));
      append(wrap, exampleBlock(media));
    });
    return wrap;
  }

  /* ------------------------------------------------------------------ */
  /* Operations                                                           */
  /* ------------------------------------------------------------------ */

  function collectOperations() {
    const ops = [];
    const paths = spec.paths || {};
    Object.keys(paths).forEach(function (path) {
      const item = deref(paths[path]) || {};
      const shared = Array.isArray(item.parameters) ? item.parameters : [];
      HTTP_METHODS.forEach(function (method) {
        const op = item[method];
        if (!op || typeof op !== 'object') return;
        // Operation-level parameters override path-level ones (same name + location).
        const params = [];
        const seen = Object.create(null);
        (Array.isArray(op.parameters) ? op.parameters : []).concat(shared).forEach(function (p) {
          const param = deref(p);
          if (!param || typeof param !== 'object') return;
          const key = param.in + ':' + param.name;
          if (seen[key]) return;
          seen[key] = true;
          params.push(param);
        });
        ops.push({ path: path, method: method, op: op, params: params });
      });
    });
    return ops;
  }

  function subHeading(text, op, id) {
    return el('h3', { id: id }, [text, hiddenText(' ' + L('heading-for', { operation: op.method.toUpperCase() + ' ' + op.path }))]);
  }

  function parametersTable(entry, labelId) {
    const rows = entry.params.map(function (p) {
      const schema = p.schema || (p.content && p.content[Object.keys(p.content)[0]] && p.content[Object.keys(p.content)[0]].schema);
      const descCell = el('td');
      if (p.description) append(descCell, renderText(p.description));
      else if (descriptionOf(schema)) append(descCell, renderText(descriptionOf(schema)));
      if (p.deprecated) append(descCell, el('p', null, el('span', { className: 'badge', text: L('deprecated') })));
      append(descCell, facts(schema));
      if (p.example !== undefined) append(descCell, el('p', null, T('fact-example', { value: code(formatValue(p.example)) })));
      return el('tr', null, [
        el('th', { scope: 'row' }, code(String(p.name))),
        el('td', { text: p.in ? Lor('in-' + p.in, String(p.in)) : '' }),
        el('td', { text: (p.required || p.in === 'path') ? L('yes') : L('no') }),
        el('td', null, schema ? typeLabel(schema, 0) : '—'),
        descCell
      ]);
    });
    const table = el('table', { className: 'table', 'aria-labelledby': labelId }, [
      el('thead', null, el('tr', null, ['column-name', 'column-in', 'column-required', 'column-type', 'column-description'].map(function (h) {
        return el('th', { scope: 'col', text: L(h) });
      }))),
      el('tbody', null, rows)
    ]);
    return el('div', { className: 'table-wrap' }, table);
  }

  function sortStatus(a, b) {
    const rank = function (code) {
      if (code === 'default') return 1000;
      const n = parseInt(String(code).replace(/X/gi, '0'), 10);
      return isNaN(n) ? 999 : n;
    };
    return rank(a) - rank(b);
  }

  function responsesBlock(entry) {
    const responses = entry.op.responses || {};
    const wrap = el('div');
    Object.keys(responses).sort(sortStatus).forEach(function (status) {
      const res = deref(responses[status]) || {};
      const box = el('div', { className: 'api-response' });
      append(box, el('h4', null, [
        el('span', { className: 'api-status-code', text: status === 'default' ? L('status-default') : status }),
        res.description ? el('span', { text: '— ' + firstLine(res.description) }) : null,
        hiddenText(' (' + entry.method.toUpperCase() + ' ' + entry.path + ')')
      ]));
      if (res.description && res.description.indexOf('\n') !== -1) {
        append(box, el('div', { className: 'api-desc' }, renderText(res.description)));
      }
      if (res.headers && typeof res.headers === 'object' && Object.keys(res.headers).length) {
        const ul = el('ul', { className: 'api-facts' });
        Object.keys(res.headers).forEach(function (name) {
          const h = deref(res.headers[name]) || {};
          append(ul, el('li', null, h.description
            ? T('response-header-described', { name: code(name), description: h.description })
            : T('response-header', { name: code(name) })));
        });
        append(box, ul);
      }
      if (res.content && Object.keys(res.content).length) append(box, contentBlock(res.content));
      else append(box, el('p', { className: 'meta', text: L('no-response-body') }));
      append(wrap, box);
    });
    if (!wrap.childNodes.length) append(wrap, el('p', { className: 'meta', text: L('no-responses') }));
    return wrap;
  }

  function firstLine(text) {
    return String(text).split(/\n/)[0];
  }

  function securityText(op) {
    const sec = Array.isArray(op.security) ? op.security : Array.isArray(spec.security) ? spec.security : null;
    if (!sec) return null;
    if (!sec.length || sec.some(function (req) { return req && Object.keys(req).length === 0; })) {
      return el('p', { className: 'meta', text: L('auth-none') });
    }
    const names = [];
    sec.forEach(function (req) {
      Object.keys(req || {}).forEach(function (n) {
        if (names.indexOf(n) === -1) names.push(n);
      });
    });
    let schemes = [];
    names.forEach(function (n, i) {
      schemes = i ? T('or', { left: schemes, right: code(n) }) : [code(n)];
    });
    return el('p', { className: 'meta' }, T('auth-required', { schemes: schemes }));
  }

  function operationDetails(entry) {
    const op = entry.op;
    const method = entry.method.toUpperCase();
    const id = uniqueId('op-', op.operationId || entry.method + '-' + entry.path);
    const summaryText = op.summary || op.operationId || '';
    const details = el('details', { className: 'api-op' + (op.deprecated ? ' api-deprecated' : ''), id: id });
    const summary = el('summary', null, [
      el('span', { className: 'badge api-method api-method-' + entry.method, text: method }),
      code(entry.path, 'api-path'),
      summaryText ? el('span', { className: 'api-summary-text', text: summaryText }) : null,
      op.deprecated ? el('span', { className: 'badge', text: L('deprecated') }) : null
    ]);
    append(details, summary);

    const body = el('div', { className: 'api-op-body' });
    if (op.description) append(body, el('div', { className: 'api-desc' }, renderText(op.description)));
    const metaBits = [];
    if (op.operationId) metaBits.push(T('operation-id', { id: code(op.operationId) }), ' · ');
    metaBits.push(el('a', { href: '#' + id }, [L('link-to-operation'), hiddenText(' (' + method + ' ' + entry.path + ')')]));
    append(body, el('p', { className: 'meta' }, metaBits));
    append(body, securityText(op));

    if (entry.params.length) {
      append(body, subHeading(L('parameters'), entry, id + '-parameters'));
      append(body, parametersTable(entry, id + '-parameters'));
    }

    const reqBody = deref(op.requestBody);
    if (reqBody && typeof reqBody === 'object') {
      append(body, subHeading(L('request-body'), entry));
      append(body, el('p', null, L(reqBody.required ? 'request-body-required' : 'request-body-optional')));
      if (reqBody.description) append(body, el('div', { className: 'api-desc' }, renderText(reqBody.description)));
      if (reqBody.content) append(body, contentBlock(reqBody.content));
    }

    append(body, subHeading(L('responses'), entry));
    append(body, responsesBlock(entry));
    append(details, body);
    return details;
  }

  function groupByTag(ops) {
    const groups = [];
    const byName = Object.create(null);
    const ensure = function (name, description) {
      if (!byName[name]) {
        byName[name] = { name: name, description: description || '', ops: [] };
        groups.push(byName[name]);
      }
      return byName[name];
    };
    (Array.isArray(spec.tags) ? spec.tags : []).forEach(function (t) {
      if (t && t.name) ensure(t.name, t.description);
    });
    ops.forEach(function (entry) {
      const tags = Array.isArray(entry.op.tags) && entry.op.tags.length ? entry.op.tags : [L('tag-other')];
      // An operation appears under its first tag only, to keep ids unique.
      ensure(tags[0]).ops.push(entry);
    });
    return groups.filter(function (g) { return g.ops.length; });
  }

  /* ------------------------------------------------------------------ */
  /* Page sections                                                        */
  /* ------------------------------------------------------------------ */

  function infoSection() {
    const info = spec.info || {};
    const frag = document.createDocumentFragment();
    const bits = [];
    if (info.title) bits.push(info.title);
    if (info.version) bits.push(L('info-version', { version: String(info.version) }));
    if (spec.openapi) bits.push('OpenAPI ' + spec.openapi);
    if (bits.length) append(frag, el('p', { className: 'meta', text: bits.join(' · ') }));
    if (info.description) append(frag, el('div', { className: 'api-desc api-intro' }, renderText(info.description)));
    if (Array.isArray(spec.servers) && spec.servers.length) {
      const urls = spec.servers.map(function (s, i) {
        return [i ? ', ' : '', code(s.url || ''), s.description ? ' (' + s.description + ')' : ''];
      });
      append(frag, el('p', null, Tn('base-urls', spec.servers.length, { urls: urls })));
    }
    return frag;
  }

  function securitySection() {
    const schemes = (spec.components && spec.components.securitySchemes) || {};
    const names = Object.keys(schemes);
    if (!names.length) return null;
    const section = el('section', { 'aria-labelledby': 'api-authentication' }, el('h2', { id: 'api-authentication', text: L('authentication') }));
    const dl = el('dl', { className: 'details' });
    names.forEach(function (name) {
      const s = deref(schemes[name]) || {};
      const desc = [];
      if (s.type === 'http') {
        desc.push(T('security-http', { scheme: code(s.scheme || '') }));
      } else if (s.type === 'apiKey') {
        const where = s.in === 'header' || s.in === 'query' || s.in === 'cookie' ? s.in : null;
        desc.push(where
          ? T('security-api-key-' + where, { name: code(s.name || '') })
          : T('security-api-key', { name: code(s.name || ''), location: s.in || '?' }));
      } else {
        desc.push(s.type || L('security-unknown'));
      }
      if (s.bearerFormat) desc.push(' ', T('security-bearer-format', { format: String(s.bearerFormat) }));
      if (s.type === 'http' && String(s.scheme).toLowerCase() === 'bearer') {
        desc.push('. ', T('security-header', { header: code('Authorization: Bearer <' + L('token-placeholder') + '>') }));
      }
      const dd = el('dd', null, el('p', null, desc));
      if (s.description) append(dd, renderText(s.description));
      append(dl, [el('dt', null, code(name)), dd]);
    });
    return append(section, dl);
  }

  function schemasSection() {
    const schemas = (spec.components && spec.components.schemas) || {};
    const names = Object.keys(schemas).sort(function (a, b) { return a.localeCompare(b); });
    if (!names.length) return null;
    const section = el('section', { className: 'api-group', 'aria-labelledby': 'api-schemas' }, [
      el('h2', { id: 'api-schemas', text: L('schemas') }),
      el('p', { className: 'meta', text: L('schemas-intro') })
    ]);
    names.forEach(function (name) {
      const schema = schemas[name];
      const box = el('div', { className: 'api-component', id: schemaAnchor(name), tabindex: '-1' }, [
        el('h3', { text: name }),
        el('p', null, T('component-type', { type: typeLabel(schema, 0) }))
      ]);
      if (schema && schema.description) append(box, el('div', { className: 'api-desc' }, renderText(schema.description)));
      append(box, facts(schema));
      append(box, schemaBody(schema, 0, [name]));
      append(section, box);
    });
    return section;
  }

  function toolbar(opsContainer, status) {
    const searchId = 'api-filter';
    const input = el('input', { type: 'search', id: searchId, 'aria-describedby': 'api-filter-hint', autocomplete: 'off', spellcheck: 'false' });
    const field = el('div', { className: 'field' }, [
      el('label', { for: searchId, text: L('filter-label') }),
      el('span', { className: 'hint', id: 'api-filter-hint', text: L('filter-hint') }),
      input
    ]);
    const expand = el('button', { type: 'button', className: 'button button-secondary', text: L('expand-all') });
    const collapse = el('button', { type: 'button', className: 'button button-secondary', text: L('collapse-all') });
    const setAll = function (open) {
      opsContainer.querySelectorAll('details.api-op').forEach(function (d) {
        if (!d.hidden) d.open = open;
      });
    };
    expand.addEventListener('click', function () { setAll(true); });
    collapse.addEventListener('click', function () { setAll(false); });

    let timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        const q = input.value.trim().toLowerCase();
        let shown = 0;
        opsContainer.querySelectorAll('.api-group[data-tag]').forEach(function (group) {
          let visible = 0;
          group.querySelectorAll('details.api-op').forEach(function (d) {
            const match = !q || d.getAttribute('data-search').indexOf(q) !== -1;
            d.hidden = !match;
            if (match) visible += 1;
          });
          group.hidden = visible === 0;
          shown += visible;
        });
        status.textContent = q
          ? partsText(Tn('filter-matches', shown, { query: input.value.trim() }))
          : L('filter-all');
      }, 250);
    });
    return el('div', { className: 'api-toolbar', role: 'search', 'aria-label': L('toolbar-label') }, [field, expand, collapse]);
  }

  function render() {
    const root = rootEl;
    const status = statusEl;
    const ops = collectOperations();
    const groups = groupByTag(ops);
    const frag = document.createDocumentFragment();

    append(frag, infoSection());

    const security = securitySection();
    const schemas = schemasSection();

    // Table of contents, in page order
    const toc = el('ul');
    if (security) append(toc, el('li', null, el('a', { href: '#api-authentication', text: L('authentication') })));
    const opsContainer = el('div', { className: 'api-operations' });
    groups.forEach(function (group) {
      const gid = uniqueId('tag-', group.name);
      append(toc, el('li', null, el('a', { href: '#' + gid, text: group.name + ' (' + group.ops.length + ')' })));
      const section = el('section', { className: 'api-group', 'aria-labelledby': gid, 'data-tag': group.name }, el('h2', { id: gid, text: group.name }));
      if (group.description) append(section, el('div', { className: 'api-desc' }, renderText(group.description)));
      group.ops.forEach(function (entry) {
        const details = operationDetails(entry);
        details.setAttribute('data-search', [entry.method, entry.path, entry.op.summary || '', entry.op.operationId || '', group.name].join(' ').toLowerCase());
        append(section, details);
      });
      append(opsContainer, section);
    });

    if (schemas) append(toc, el('li', null, el('a', { href: '#api-schemas', text: L('schemas') })));
    append(frag, el('nav', { className: 'api-toc', 'aria-labelledby': 'api-toc-title' }, [
      el('h2', { id: 'api-toc-title', text: L('contents') }), toc
    ]));
    append(frag, security);
    if (ops.length) {
      append(frag, toolbar(opsContainer, status));
    } else {
      append(frag, el('p', { className: 'notice', text: L('no-operations') }));
    }
    append(frag, opsContainer);
    append(frag, schemas);

    root.textContent = '';
    root.appendChild(frag);
    status.textContent = L('status-loaded', {
      operations: partsText(Tn('count-operations', ops.length)),
      groups: partsText(Tn('count-groups', groups.length))
    });

    window.addEventListener('hashchange', revealHash);
    window.addEventListener('beforeprint', function () {
      opsContainer.querySelectorAll('details.api-op').forEach(function (d) { d.open = true; });
    });
    revealHash();
  }

  /** Opens the <details> containing the target of the URL fragment and moves to it. */
  function revealHash() {
    if (!location.hash || location.hash.length < 2) return;
    let target;
    try {
      target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    } catch (e) {
      return;
    }
    if (!target) return;
    for (let node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
    }
    target.scrollIntoView();
    const focusable = target.tagName === 'DETAILS' ? target.querySelector('summary') : target;
    if (focusable && typeof focusable.focus === 'function') {
      if (!focusable.hasAttribute('tabindex') && focusable.tagName !== 'SUMMARY' && !/^H[1-6]$/.test(focusable.tagName)) {
        focusable.setAttribute('tabindex', '-1');
      }
      focusable.focus({ preventScroll: true });
    }
  }

  function showError(message) {
    const root = rootEl;
    const status = statusEl;
    status.textContent = L('error-title');
    root.textContent = '';
    root.appendChild(el('div', { className: 'notice notice-warning', role: 'alert' }, [
      el('p', null, [el('strong', { text: L('error-title') }), ' ', message]),
      el('p', null, T('error-raw', { link: el('a', { href: SPEC_URL, text: SPEC_URL }) }))
    ]));
  }

  function firstById(ids) {
    for (let i = 0; i < ids.length; i++) {
      const node = document.getElementById(ids[i]);
      if (node) return node;
    }
    return null;
  }

  /** Finds the container and the status line; creates the status line if the page has none. */
  function findElements() {
    rootEl = firstById(ROOT_IDS);
    if (!rootEl) return false;
    statusEl = firstById(STATUS_IDS);
    if (statusEl && rootEl.contains(statusEl)) {
      // The container is emptied on render: keep the status line outside it.
      rootEl.parentNode.insertBefore(statusEl, rootEl);
    }
    if (!statusEl) {
      statusEl = el('p', { id: STATUS_IDS[0], className: 'meta', role: 'status' });
      rootEl.parentNode.insertBefore(statusEl, rootEl);
    }
    return true;
  }

  /** A user-facing message for an error thrown while loading: ours are already translated. */
  function LoadError(message) {
    this.message = message;
  }

  async function main() {
    labels();
    if (!findElements()) return;
    statusEl.textContent = L('loading');
    try {
      let res;
      try {
        res = await fetch(SPEC_URL, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      } catch (e) {
        throw new LoadError(L('error-network'));
      }
      if (!res.ok) {
        throw new LoadError(L('error-status', { status: String(res.status) + (res.statusText ? ' ' + res.statusText : '') }));
      }
      try {
        spec = await res.json();
      } catch (e) {
        throw new LoadError(L('error-not-json'));
      }
      if (!spec || typeof spec !== 'object' || (!spec.paths && !spec.components)) {
        throw new LoadError(L('error-not-openapi'));
      }
    } catch (err) {
      showError(err instanceof LoadError ? err.message : err && err.message ? err.message : String(err));
      if (!(err instanceof LoadError) && window.console) console.error(err);
      return;
    }
    try {
      render();
    } catch (err) {
      showError(L('error-render', { message: err && err.message ? err.message : String(err) }));
      if (window.console) console.error(err);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', main);
  } else {
    main();
  }
})();
