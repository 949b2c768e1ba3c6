/**
 * Numbering markers of outlines and lists: 一、 （一） 1. （1） ①. Each is a string of the
 * characters a marker may be written with; the modules build their patterns as `[${CN_DIGITS}]`.
 */

/** Chinese numerals of a marker (一、 （三） 十二、). */
export const CN_DIGITS = '一二三四五六七八九十';
/** 百, in the markers of long outlines (一百、). */
export const CN_HUNDRED = '百';
/** Circled numbers ① to ⑳ (U+2460–U+2473). */
export const CIRCLED_NUMBERS = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** Parenthesised numbers ⑴ to ⒇ (U+2474–U+2487). */
export const PARENTHESISED_NUMBERS = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
/** Numbers with a full stop ⒈ to ⒛ (U+2488–U+249B). */
export const FULL_STOP_NUMBERS = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';
