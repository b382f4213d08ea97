/**
 * What a new entity's name looks like: the head words that make a capitalised phrase a law,
 * plan, standard, agency, firm or event, in English and Chinese, and the record kind each
 * suggests. Lists, not code, so that a reviewer can see (and extend) what is recognised.
 */
import type { Label } from '../model.js';

export interface Shape { label: Label; kind?: string }

/** English head words (compared in lower case), the longest phrases first. */
export const ENGLISH_HEADS: [string, Shape][] = [
  ['action plan', { label: 'Policy', kind: 'ACTION_PLAN' }],
  ['five-year plan', { label: 'Policy', kind: 'PLAN' }],
  // "the 14th Five-Year period" names the plan's period, and so the plan.
  ['five-year period', { label: 'Policy', kind: 'PLAN' }],
  ['leading group', { label: 'Agency', kind: 'LEADING_GROUP' }],
  ['law', { label: 'Policy', kind: 'LAW' }],
  ['act', { label: 'Policy', kind: 'LAW' }],
  ['code', { label: 'Policy', kind: 'LAW' }],
  ['regulation', { label: 'Policy', kind: 'REGULATION' }],
  ['regulations', { label: 'Policy', kind: 'REGULATION' }],
  ['rules', { label: 'Policy', kind: 'RULES' }],
  ['measures', { label: 'Policy', kind: 'RULES' }],
  ['provisions', { label: 'Policy', kind: 'RULES' }],
  ['plan', { label: 'Policy', kind: 'PLAN' }],
  ['blueprint', { label: 'Policy', kind: 'PLAN' }],
  ['roadmap', { label: 'Policy', kind: 'PLAN' }],
  ['outline', { label: 'Policy', kind: 'PLAN' }],
  ['strategy', { label: 'Policy', kind: 'STRATEGY' }],
  ['strategies', { label: 'Policy', kind: 'STRATEGY' }],
  ['standard', { label: 'Policy', kind: 'STANDARD' }],
  ['guidelines', { label: 'Policy', kind: 'GUIDELINE' }],
  ['guideline', { label: 'Policy', kind: 'GUIDELINE' }],
  ['guidance', { label: 'Policy', kind: 'GUIDELINE' }],
  ['opinions', { label: 'Policy', kind: 'GUIDELINE' }],
  ['recommendations', { label: 'Policy', kind: 'GUIDELINE' }],
  ['directive', { label: 'Policy', kind: 'DIRECTIVE' }],
  ['framework', { label: 'Policy', kind: 'FRAMEWORK' }],
  ['programme', { label: 'Policy', kind: 'PROGRAMME' }],
  ['program', { label: 'Policy', kind: 'PROGRAMME' }],
  ['initiative', { label: 'Policy', kind: 'INITIATIVE' }],
  ['partnership', { label: 'Policy', kind: 'PROGRAMME' }],
  ['notice', { label: 'Policy', kind: 'NOTICE' }],
  ['policy', { label: 'Policy', kind: 'STRATEGY' }],
  ['ministry', { label: 'Agency', kind: 'MINISTRY' }],
  ['department', { label: 'Agency', kind: 'MINISTRY' }],
  ['committee', { label: 'Agency', kind: 'COMMITTEE' }],
  ['commission', { label: 'Agency', kind: 'COMMISSION' }],
  ['council', { label: 'Agency', kind: 'GOVERNMENT' }],
  ['congress', { label: 'Agency', kind: 'LEGISLATURE' }],
  ['parliament', { label: 'Agency', kind: 'LEGISLATURE' }],
  ['agency', { label: 'Agency', kind: 'AGENCY' }],
  ['administration', { label: 'Agency', kind: 'REGULATOR' }],
  ['authority', { label: 'Agency', kind: 'REGULATOR' }],
  ['office', { label: 'Agency', kind: 'AGENCY' }],
  ['bureau', { label: 'Agency', kind: 'AGENCY' }],
  ['police', { label: 'Agency', kind: 'POLICE' }],
  ['centre', { label: 'Agency', kind: 'AGENCY' }],
  ['center', { label: 'Agency', kind: 'AGENCY' }],
  ['institute', { label: 'Agency', kind: 'INSTITUTE' }],
  ['society', { label: 'Agency', kind: 'ASSOCIATION' }],
  ['organization', { label: 'Agency', kind: 'AGENCY' }],
  ['organisation', { label: 'Agency', kind: 'AGENCY' }],
  ['academy', { label: 'Agency', kind: 'INSTITUTE' }],
  ['laboratory', { label: 'Agency', kind: 'INSTITUTE' }],
  ['association', { label: 'Agency', kind: 'ASSOCIATION' }],
  ['federation', { label: 'Agency', kind: 'ASSOCIATION' }],
  ['alliance', { label: 'Agency', kind: 'CONSORTIUM' }],
  ['consortium', { label: 'Agency', kind: 'CONSORTIUM' }],
  ['platform', { label: 'Agency', kind: 'CONSORTIUM' }],
  ['park', { label: 'Agency', kind: 'PARK' }],
  ['company', { label: 'Firm', kind: 'COMPANY' }],
  ['corporation', { label: 'Firm', kind: 'COMPANY' }],
  ['corp', { label: 'Firm', kind: 'COMPANY' }],
  ['inc', { label: 'Firm', kind: 'COMPANY' }],
  ['ltd', { label: 'Firm', kind: 'COMPANY' }],
  ['co', { label: 'Firm', kind: 'COMPANY' }],
  ['llc', { label: 'Firm', kind: 'COMPANY' }],
  ['plc', { label: 'Firm', kind: 'COMPANY' }],
  ['ag', { label: 'Firm', kind: 'COMPANY' }],
  ['gmbh', { label: 'Firm', kind: 'COMPANY' }],
  ['group', { label: 'Firm', kind: 'GROUP' }],
  ['holdings', { label: 'Firm', kind: 'GROUP' }],
  ['technologies', { label: 'Firm', kind: 'COMPANY' }],
  ['conference', { label: 'Event', kind: 'CONFERENCE' }],
  ['summit', { label: 'Event', kind: 'CONFERENCE' }],
  ['forum', { label: 'Event', kind: 'CONFERENCE' }],
  ['expo', { label: 'Event', kind: 'CONFERENCE' }],
];

/** Chinese suffixes, the longest first. */
export const CHINESE_SUFFIXES: [string, Shape][] = [
  ['行动计划', { label: 'Policy', kind: 'ACTION_PLAN' }],
  ['实施细则', { label: 'Policy', kind: 'RULES' }],
  ['指导意见', { label: 'Policy', kind: 'GUIDELINE' }],
  ['领导小组', { label: 'Agency', kind: 'LEADING_GROUP' }],
  ['委员会', { label: 'Agency', kind: 'COMMITTEE' }],
  ['办公室', { label: 'Agency', kind: 'AGENCY' }],
  ['研究院', { label: 'Agency', kind: 'INSTITUTE' }],
  ['研究所', { label: 'Agency', kind: 'INSTITUTE' }],
  ['管理局', { label: 'Agency', kind: 'REGULATOR' }],
  ['公安局', { label: 'Agency', kind: 'POLICE' }],
  ['国务院', { label: 'Agency', kind: 'GOVERNMENT' }],
  ['有限公司', { label: 'Firm', kind: 'COMPANY' }],
  ['条例', { label: 'Policy', kind: 'REGULATION' }],
  ['办法', { label: 'Policy', kind: 'RULES' }],
  ['规定', { label: 'Policy', kind: 'RULES' }],
  ['规划', { label: 'Policy', kind: 'PLAN' }],
  ['计划', { label: 'Policy', kind: 'PLAN' }],
  ['纲要', { label: 'Policy', kind: 'PLAN' }],
  ['战略', { label: 'Policy', kind: 'STRATEGY' }],
  ['标准', { label: 'Policy', kind: 'STANDARD' }],
  ['意见', { label: 'Policy', kind: 'GUIDELINE' }],
  ['通知', { label: 'Policy', kind: 'NOTICE' }],
  ['指南', { label: 'Policy', kind: 'GUIDELINE' }],
  ['草案', { label: 'Policy', kind: 'DRAFT_LAW' }],
  ['中心', { label: 'Agency', kind: 'AGENCY' }],
  ['协会', { label: 'Agency', kind: 'ASSOCIATION' }],
  ['联盟', { label: 'Agency', kind: 'CONSORTIUM' }],
  ['公司', { label: 'Firm', kind: 'COMPANY' }],
  ['集团', { label: 'Firm', kind: 'GROUP' }],
  ['大会', { label: 'Event', kind: 'CONFERENCE' }],
  ['论坛', { label: 'Event', kind: 'CONFERENCE' }],
  ['法', { label: 'Policy', kind: 'LAW' }],
  ['局', { label: 'Agency', kind: 'AGENCY' }],
  ['部', { label: 'Agency', kind: 'MINISTRY' }],
];

/**
 * Characters and words that cannot be inside a Chinese name: particles, verbs of issuing and
 * prepositions. The start of a name is the character after the last of them (hand-written on
 * purpose: the suffix anchors the end, so only the start needs finding, and this short list
 * does it without a segmenter's dictionary).
 */
export const CHINESE_BREAKS = /.*(?:发布|印发|颁布|公布|出台|实施|施行|通过|制定|根据|按照|依据|关于|以及|我国|其中|提出|推出|成立|设立|明确|要求|负责|落实|的|了|在|和|与|及|对|将|由|于|是|为|把|被|从|向|等|并|或|也|已|又|再|这|该|其|个|年|月|日|号|第)/;

/** Person titles that introduce a name ("Premier Li Keqiang"). */
export const TITLES = ['general secretary', 'vice premier', 'premier', 'president', 'vice president', 'chairman', 'chairwoman',
  'chair', 'minister', 'vice minister', 'director', 'vice director', 'deputy director', 'secretary', 'governor', 'mayor',
  'ceo', 'founder', 'co-founder', 'general manager', 'professor', 'dr'];

/** Nouns that, in "a … company" or "giant X", say the neighbouring name is a firm. */
export const FIRM_NOUNS = ['company', 'companies', 'firm', 'firms', 'giant', 'giants', 'start-up', 'start-ups', 'startup', 'startups',
  'vendor', 'vendors', 'provider', 'providers', 'enterprise', 'enterprises', 'corporation', 'maker', 'operator'];
