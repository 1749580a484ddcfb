/* deep_frame.c: like deep_recursion, but every level keeps 700 doubles
 * live across the recursive call, so the native frame is ~5.6 KiB of
 * spill slots (sub $0x15e8,%rsp). When the native stack runs out, %rsp is
 * already inside the guard below stack_lo; the trap handler's backtrace()
 * (runtime/trap.c) reads the stack from %rsp upward, faults inside the
 * SIGSEGV handler and the host dies instead of getting SFI_TRAP_STACK.
 * C source only, built by sfi-cc. Found by the adversarial review. */
#include "common.h"
PING
static double data[700];
__attribute__((noinline)) static double rec(const double *in, long d) {
  double v0 = in[0] * 1.5;
  double v1 = in[1] * 2.5;
  double v2 = in[2] * 3.5;
  double v3 = in[3] * 4.5;
  double v4 = in[4] * 5.5;
  double v5 = in[5] * 6.5;
  double v6 = in[6] * 7.5;
  double v7 = in[7] * 8.5;
  double v8 = in[8] * 9.5;
  double v9 = in[9] * 10.5;
  double v10 = in[10] * 11.5;
  double v11 = in[11] * 12.5;
  double v12 = in[12] * 13.5;
  double v13 = in[13] * 14.5;
  double v14 = in[14] * 15.5;
  double v15 = in[15] * 16.5;
  double v16 = in[16] * 17.5;
  double v17 = in[17] * 18.5;
  double v18 = in[18] * 19.5;
  double v19 = in[19] * 20.5;
  double v20 = in[20] * 21.5;
  double v21 = in[21] * 22.5;
  double v22 = in[22] * 23.5;
  double v23 = in[23] * 24.5;
  double v24 = in[24] * 25.5;
  double v25 = in[25] * 26.5;
  double v26 = in[26] * 27.5;
  double v27 = in[27] * 28.5;
  double v28 = in[28] * 29.5;
  double v29 = in[29] * 30.5;
  double v30 = in[30] * 31.5;
  double v31 = in[31] * 32.5;
  double v32 = in[32] * 33.5;
  double v33 = in[33] * 34.5;
  double v34 = in[34] * 35.5;
  double v35 = in[35] * 36.5;
  double v36 = in[36] * 37.5;
  double v37 = in[37] * 38.5;
  double v38 = in[38] * 39.5;
  double v39 = in[39] * 40.5;
  double v40 = in[40] * 41.5;
  double v41 = in[41] * 42.5;
  double v42 = in[42] * 43.5;
  double v43 = in[43] * 44.5;
  double v44 = in[44] * 45.5;
  double v45 = in[45] * 46.5;
  double v46 = in[46] * 47.5;
  double v47 = in[47] * 48.5;
  double v48 = in[48] * 49.5;
  double v49 = in[49] * 50.5;
  double v50 = in[50] * 51.5;
  double v51 = in[51] * 52.5;
  double v52 = in[52] * 53.5;
  double v53 = in[53] * 54.5;
  double v54 = in[54] * 55.5;
  double v55 = in[55] * 56.5;
  double v56 = in[56] * 57.5;
  double v57 = in[57] * 58.5;
  double v58 = in[58] * 59.5;
  double v59 = in[59] * 60.5;
  double v60 = in[60] * 61.5;
  double v61 = in[61] * 62.5;
  double v62 = in[62] * 63.5;
  double v63 = in[63] * 64.5;
  double v64 = in[64] * 65.5;
  double v65 = in[65] * 66.5;
  double v66 = in[66] * 67.5;
  double v67 = in[67] * 68.5;
  double v68 = in[68] * 69.5;
  double v69 = in[69] * 70.5;
  double v70 = in[70] * 71.5;
  double v71 = in[71] * 72.5;
  double v72 = in[72] * 73.5;
  double v73 = in[73] * 74.5;
  double v74 = in[74] * 75.5;
  double v75 = in[75] * 76.5;
  double v76 = in[76] * 77.5;
  double v77 = in[77] * 78.5;
  double v78 = in[78] * 79.5;
  double v79 = in[79] * 80.5;
  double v80 = in[80] * 81.5;
  double v81 = in[81] * 82.5;
  double v82 = in[82] * 83.5;
  double v83 = in[83] * 84.5;
  double v84 = in[84] * 85.5;
  double v85 = in[85] * 86.5;
  double v86 = in[86] * 87.5;
  double v87 = in[87] * 88.5;
  double v88 = in[88] * 89.5;
  double v89 = in[89] * 90.5;
  double v90 = in[90] * 91.5;
  double v91 = in[91] * 92.5;
  double v92 = in[92] * 93.5;
  double v93 = in[93] * 94.5;
  double v94 = in[94] * 95.5;
  double v95 = in[95] * 96.5;
  double v96 = in[96] * 97.5;
  double v97 = in[97] * 98.5;
  double v98 = in[98] * 99.5;
  double v99 = in[99] * 100.5;
  double v100 = in[100] * 101.5;
  double v101 = in[101] * 102.5;
  double v102 = in[102] * 103.5;
  double v103 = in[103] * 104.5;
  double v104 = in[104] * 105.5;
  double v105 = in[105] * 106.5;
  double v106 = in[106] * 107.5;
  double v107 = in[107] * 108.5;
  double v108 = in[108] * 109.5;
  double v109 = in[109] * 110.5;
  double v110 = in[110] * 111.5;
  double v111 = in[111] * 112.5;
  double v112 = in[112] * 113.5;
  double v113 = in[113] * 114.5;
  double v114 = in[114] * 115.5;
  double v115 = in[115] * 116.5;
  double v116 = in[116] * 117.5;
  double v117 = in[117] * 118.5;
  double v118 = in[118] * 119.5;
  double v119 = in[119] * 120.5;
  double v120 = in[120] * 121.5;
  double v121 = in[121] * 122.5;
  double v122 = in[122] * 123.5;
  double v123 = in[123] * 124.5;
  double v124 = in[124] * 125.5;
  double v125 = in[125] * 126.5;
  double v126 = in[126] * 127.5;
  double v127 = in[127] * 128.5;
  double v128 = in[128] * 129.5;
  double v129 = in[129] * 130.5;
  double v130 = in[130] * 131.5;
  double v131 = in[131] * 132.5;
  double v132 = in[132] * 133.5;
  double v133 = in[133] * 134.5;
  double v134 = in[134] * 135.5;
  double v135 = in[135] * 136.5;
  double v136 = in[136] * 137.5;
  double v137 = in[137] * 138.5;
  double v138 = in[138] * 139.5;
  double v139 = in[139] * 140.5;
  double v140 = in[140] * 141.5;
  double v141 = in[141] * 142.5;
  double v142 = in[142] * 143.5;
  double v143 = in[143] * 144.5;
  double v144 = in[144] * 145.5;
  double v145 = in[145] * 146.5;
  double v146 = in[146] * 147.5;
  double v147 = in[147] * 148.5;
  double v148 = in[148] * 149.5;
  double v149 = in[149] * 150.5;
  double v150 = in[150] * 151.5;
  double v151 = in[151] * 152.5;
  double v152 = in[152] * 153.5;
  double v153 = in[153] * 154.5;
  double v154 = in[154] * 155.5;
  double v155 = in[155] * 156.5;
  double v156 = in[156] * 157.5;
  double v157 = in[157] * 158.5;
  double v158 = in[158] * 159.5;
  double v159 = in[159] * 160.5;
  double v160 = in[160] * 161.5;
  double v161 = in[161] * 162.5;
  double v162 = in[162] * 163.5;
  double v163 = in[163] * 164.5;
  double v164 = in[164] * 165.5;
  double v165 = in[165] * 166.5;
  double v166 = in[166] * 167.5;
  double v167 = in[167] * 168.5;
  double v168 = in[168] * 169.5;
  double v169 = in[169] * 170.5;
  double v170 = in[170] * 171.5;
  double v171 = in[171] * 172.5;
  double v172 = in[172] * 173.5;
  double v173 = in[173] * 174.5;
  double v174 = in[174] * 175.5;
  double v175 = in[175] * 176.5;
  double v176 = in[176] * 177.5;
  double v177 = in[177] * 178.5;
  double v178 = in[178] * 179.5;
  double v179 = in[179] * 180.5;
  double v180 = in[180] * 181.5;
  double v181 = in[181] * 182.5;
  double v182 = in[182] * 183.5;
  double v183 = in[183] * 184.5;
  double v184 = in[184] * 185.5;
  double v185 = in[185] * 186.5;
  double v186 = in[186] * 187.5;
  double v187 = in[187] * 188.5;
  double v188 = in[188] * 189.5;
  double v189 = in[189] * 190.5;
  double v190 = in[190] * 191.5;
  double v191 = in[191] * 192.5;
  double v192 = in[192] * 193.5;
  double v193 = in[193] * 194.5;
  double v194 = in[194] * 195.5;
  double v195 = in[195] * 196.5;
  double v196 = in[196] * 197.5;
  double v197 = in[197] * 198.5;
  double v198 = in[198] * 199.5;
  double v199 = in[199] * 200.5;
  double v200 = in[200] * 201.5;
  double v201 = in[201] * 202.5;
  double v202 = in[202] * 203.5;
  double v203 = in[203] * 204.5;
  double v204 = in[204] * 205.5;
  double v205 = in[205] * 206.5;
  double v206 = in[206] * 207.5;
  double v207 = in[207] * 208.5;
  double v208 = in[208] * 209.5;
  double v209 = in[209] * 210.5;
  double v210 = in[210] * 211.5;
  double v211 = in[211] * 212.5;
  double v212 = in[212] * 213.5;
  double v213 = in[213] * 214.5;
  double v214 = in[214] * 215.5;
  double v215 = in[215] * 216.5;
  double v216 = in[216] * 217.5;
  double v217 = in[217] * 218.5;
  double v218 = in[218] * 219.5;
  double v219 = in[219] * 220.5;
  double v220 = in[220] * 221.5;
  double v221 = in[221] * 222.5;
  double v222 = in[222] * 223.5;
  double v223 = in[223] * 224.5;
  double v224 = in[224] * 225.5;
  double v225 = in[225] * 226.5;
  double v226 = in[226] * 227.5;
  double v227 = in[227] * 228.5;
  double v228 = in[228] * 229.5;
  double v229 = in[229] * 230.5;
  double v230 = in[230] * 231.5;
  double v231 = in[231] * 232.5;
  double v232 = in[232] * 233.5;
  double v233 = in[233] * 234.5;
  double v234 = in[234] * 235.5;
  double v235 = in[235] * 236.5;
  double v236 = in[236] * 237.5;
  double v237 = in[237] * 238.5;
  double v238 = in[238] * 239.5;
  double v239 = in[239] * 240.5;
  double v240 = in[240] * 241.5;
  double v241 = in[241] * 242.5;
  double v242 = in[242] * 243.5;
  double v243 = in[243] * 244.5;
  double v244 = in[244] * 245.5;
  double v245 = in[245] * 246.5;
  double v246 = in[246] * 247.5;
  double v247 = in[247] * 248.5;
  double v248 = in[248] * 249.5;
  double v249 = in[249] * 250.5;
  double v250 = in[250] * 251.5;
  double v251 = in[251] * 252.5;
  double v252 = in[252] * 253.5;
  double v253 = in[253] * 254.5;
  double v254 = in[254] * 255.5;
  double v255 = in[255] * 256.5;
  double v256 = in[256] * 257.5;
  double v257 = in[257] * 258.5;
  double v258 = in[258] * 259.5;
  double v259 = in[259] * 260.5;
  double v260 = in[260] * 261.5;
  double v261 = in[261] * 262.5;
  double v262 = in[262] * 263.5;
  double v263 = in[263] * 264.5;
  double v264 = in[264] * 265.5;
  double v265 = in[265] * 266.5;
  double v266 = in[266] * 267.5;
  double v267 = in[267] * 268.5;
  double v268 = in[268] * 269.5;
  double v269 = in[269] * 270.5;
  double v270 = in[270] * 271.5;
  double v271 = in[271] * 272.5;
  double v272 = in[272] * 273.5;
  double v273 = in[273] * 274.5;
  double v274 = in[274] * 275.5;
  double v275 = in[275] * 276.5;
  double v276 = in[276] * 277.5;
  double v277 = in[277] * 278.5;
  double v278 = in[278] * 279.5;
  double v279 = in[279] * 280.5;
  double v280 = in[280] * 281.5;
  double v281 = in[281] * 282.5;
  double v282 = in[282] * 283.5;
  double v283 = in[283] * 284.5;
  double v284 = in[284] * 285.5;
  double v285 = in[285] * 286.5;
  double v286 = in[286] * 287.5;
  double v287 = in[287] * 288.5;
  double v288 = in[288] * 289.5;
  double v289 = in[289] * 290.5;
  double v290 = in[290] * 291.5;
  double v291 = in[291] * 292.5;
  double v292 = in[292] * 293.5;
  double v293 = in[293] * 294.5;
  double v294 = in[294] * 295.5;
  double v295 = in[295] * 296.5;
  double v296 = in[296] * 297.5;
  double v297 = in[297] * 298.5;
  double v298 = in[298] * 299.5;
  double v299 = in[299] * 300.5;
  double v300 = in[300] * 301.5;
  double v301 = in[301] * 302.5;
  double v302 = in[302] * 303.5;
  double v303 = in[303] * 304.5;
  double v304 = in[304] * 305.5;
  double v305 = in[305] * 306.5;
  double v306 = in[306] * 307.5;
  double v307 = in[307] * 308.5;
  double v308 = in[308] * 309.5;
  double v309 = in[309] * 310.5;
  double v310 = in[310] * 311.5;
  double v311 = in[311] * 312.5;
  double v312 = in[312] * 313.5;
  double v313 = in[313] * 314.5;
  double v314 = in[314] * 315.5;
  double v315 = in[315] * 316.5;
  double v316 = in[316] * 317.5;
  double v317 = in[317] * 318.5;
  double v318 = in[318] * 319.5;
  double v319 = in[319] * 320.5;
  double v320 = in[320] * 321.5;
  double v321 = in[321] * 322.5;
  double v322 = in[322] * 323.5;
  double v323 = in[323] * 324.5;
  double v324 = in[324] * 325.5;
  double v325 = in[325] * 326.5;
  double v326 = in[326] * 327.5;
  double v327 = in[327] * 328.5;
  double v328 = in[328] * 329.5;
  double v329 = in[329] * 330.5;
  double v330 = in[330] * 331.5;
  double v331 = in[331] * 332.5;
  double v332 = in[332] * 333.5;
  double v333 = in[333] * 334.5;
  double v334 = in[334] * 335.5;
  double v335 = in[335] * 336.5;
  double v336 = in[336] * 337.5;
  double v337 = in[337] * 338.5;
  double v338 = in[338] * 339.5;
  double v339 = in[339] * 340.5;
  double v340 = in[340] * 341.5;
  double v341 = in[341] * 342.5;
  double v342 = in[342] * 343.5;
  double v343 = in[343] * 344.5;
  double v344 = in[344] * 345.5;
  double v345 = in[345] * 346.5;
  double v346 = in[346] * 347.5;
  double v347 = in[347] * 348.5;
  double v348 = in[348] * 349.5;
  double v349 = in[349] * 350.5;
  double v350 = in[350] * 351.5;
  double v351 = in[351] * 352.5;
  double v352 = in[352] * 353.5;
  double v353 = in[353] * 354.5;
  double v354 = in[354] * 355.5;
  double v355 = in[355] * 356.5;
  double v356 = in[356] * 357.5;
  double v357 = in[357] * 358.5;
  double v358 = in[358] * 359.5;
  double v359 = in[359] * 360.5;
  double v360 = in[360] * 361.5;
  double v361 = in[361] * 362.5;
  double v362 = in[362] * 363.5;
  double v363 = in[363] * 364.5;
  double v364 = in[364] * 365.5;
  double v365 = in[365] * 366.5;
  double v366 = in[366] * 367.5;
  double v367 = in[367] * 368.5;
  double v368 = in[368] * 369.5;
  double v369 = in[369] * 370.5;
  double v370 = in[370] * 371.5;
  double v371 = in[371] * 372.5;
  double v372 = in[372] * 373.5;
  double v373 = in[373] * 374.5;
  double v374 = in[374] * 375.5;
  double v375 = in[375] * 376.5;
  double v376 = in[376] * 377.5;
  double v377 = in[377] * 378.5;
  double v378 = in[378] * 379.5;
  double v379 = in[379] * 380.5;
  double v380 = in[380] * 381.5;
  double v381 = in[381] * 382.5;
  double v382 = in[382] * 383.5;
  double v383 = in[383] * 384.5;
  double v384 = in[384] * 385.5;
  double v385 = in[385] * 386.5;
  double v386 = in[386] * 387.5;
  double v387 = in[387] * 388.5;
  double v388 = in[388] * 389.5;
  double v389 = in[389] * 390.5;
  double v390 = in[390] * 391.5;
  double v391 = in[391] * 392.5;
  double v392 = in[392] * 393.5;
  double v393 = in[393] * 394.5;
  double v394 = in[394] * 395.5;
  double v395 = in[395] * 396.5;
  double v396 = in[396] * 397.5;
  double v397 = in[397] * 398.5;
  double v398 = in[398] * 399.5;
  double v399 = in[399] * 400.5;
  double v400 = in[400] * 401.5;
  double v401 = in[401] * 402.5;
  double v402 = in[402] * 403.5;
  double v403 = in[403] * 404.5;
  double v404 = in[404] * 405.5;
  double v405 = in[405] * 406.5;
  double v406 = in[406] * 407.5;
  double v407 = in[407] * 408.5;
  double v408 = in[408] * 409.5;
  double v409 = in[409] * 410.5;
  double v410 = in[410] * 411.5;
  double v411 = in[411] * 412.5;
  double v412 = in[412] * 413.5;
  double v413 = in[413] * 414.5;
  double v414 = in[414] * 415.5;
  double v415 = in[415] * 416.5;
  double v416 = in[416] * 417.5;
  double v417 = in[417] * 418.5;
  double v418 = in[418] * 419.5;
  double v419 = in[419] * 420.5;
  double v420 = in[420] * 421.5;
  double v421 = in[421] * 422.5;
  double v422 = in[422] * 423.5;
  double v423 = in[423] * 424.5;
  double v424 = in[424] * 425.5;
  double v425 = in[425] * 426.5;
  double v426 = in[426] * 427.5;
  double v427 = in[427] * 428.5;
  double v428 = in[428] * 429.5;
  double v429 = in[429] * 430.5;
  double v430 = in[430] * 431.5;
  double v431 = in[431] * 432.5;
  double v432 = in[432] * 433.5;
  double v433 = in[433] * 434.5;
  double v434 = in[434] * 435.5;
  double v435 = in[435] * 436.5;
  double v436 = in[436] * 437.5;
  double v437 = in[437] * 438.5;
  double v438 = in[438] * 439.5;
  double v439 = in[439] * 440.5;
  double v440 = in[440] * 441.5;
  double v441 = in[441] * 442.5;
  double v442 = in[442] * 443.5;
  double v443 = in[443] * 444.5;
  double v444 = in[444] * 445.5;
  double v445 = in[445] * 446.5;
  double v446 = in[446] * 447.5;
  double v447 = in[447] * 448.5;
  double v448 = in[448] * 449.5;
  double v449 = in[449] * 450.5;
  double v450 = in[450] * 451.5;
  double v451 = in[451] * 452.5;
  double v452 = in[452] * 453.5;
  double v453 = in[453] * 454.5;
  double v454 = in[454] * 455.5;
  double v455 = in[455] * 456.5;
  double v456 = in[456] * 457.5;
  double v457 = in[457] * 458.5;
  double v458 = in[458] * 459.5;
  double v459 = in[459] * 460.5;
  double v460 = in[460] * 461.5;
  double v461 = in[461] * 462.5;
  double v462 = in[462] * 463.5;
  double v463 = in[463] * 464.5;
  double v464 = in[464] * 465.5;
  double v465 = in[465] * 466.5;
  double v466 = in[466] * 467.5;
  double v467 = in[467] * 468.5;
  double v468 = in[468] * 469.5;
  double v469 = in[469] * 470.5;
  double v470 = in[470] * 471.5;
  double v471 = in[471] * 472.5;
  double v472 = in[472] * 473.5;
  double v473 = in[473] * 474.5;
  double v474 = in[474] * 475.5;
  double v475 = in[475] * 476.5;
  double v476 = in[476] * 477.5;
  double v477 = in[477] * 478.5;
  double v478 = in[478] * 479.5;
  double v479 = in[479] * 480.5;
  double v480 = in[480] * 481.5;
  double v481 = in[481] * 482.5;
  double v482 = in[482] * 483.5;
  double v483 = in[483] * 484.5;
  double v484 = in[484] * 485.5;
  double v485 = in[485] * 486.5;
  double v486 = in[486] * 487.5;
  double v487 = in[487] * 488.5;
  double v488 = in[488] * 489.5;
  double v489 = in[489] * 490.5;
  double v490 = in[490] * 491.5;
  double v491 = in[491] * 492.5;
  double v492 = in[492] * 493.5;
  double v493 = in[493] * 494.5;
  double v494 = in[494] * 495.5;
  double v495 = in[495] * 496.5;
  double v496 = in[496] * 497.5;
  double v497 = in[497] * 498.5;
  double v498 = in[498] * 499.5;
  double v499 = in[499] * 500.5;
  double v500 = in[500] * 501.5;
  double v501 = in[501] * 502.5;
  double v502 = in[502] * 503.5;
  double v503 = in[503] * 504.5;
  double v504 = in[504] * 505.5;
  double v505 = in[505] * 506.5;
  double v506 = in[506] * 507.5;
  double v507 = in[507] * 508.5;
  double v508 = in[508] * 509.5;
  double v509 = in[509] * 510.5;
  double v510 = in[510] * 511.5;
  double v511 = in[511] * 512.5;
  double v512 = in[512] * 513.5;
  double v513 = in[513] * 514.5;
  double v514 = in[514] * 515.5;
  double v515 = in[515] * 516.5;
  double v516 = in[516] * 517.5;
  double v517 = in[517] * 518.5;
  double v518 = in[518] * 519.5;
  double v519 = in[519] * 520.5;
  double v520 = in[520] * 521.5;
  double v521 = in[521] * 522.5;
  double v522 = in[522] * 523.5;
  double v523 = in[523] * 524.5;
  double v524 = in[524] * 525.5;
  double v525 = in[525] * 526.5;
  double v526 = in[526] * 527.5;
  double v527 = in[527] * 528.5;
  double v528 = in[528] * 529.5;
  double v529 = in[529] * 530.5;
  double v530 = in[530] * 531.5;
  double v531 = in[531] * 532.5;
  double v532 = in[532] * 533.5;
  double v533 = in[533] * 534.5;
  double v534 = in[534] * 535.5;
  double v535 = in[535] * 536.5;
  double v536 = in[536] * 537.5;
  double v537 = in[537] * 538.5;
  double v538 = in[538] * 539.5;
  double v539 = in[539] * 540.5;
  double v540 = in[540] * 541.5;
  double v541 = in[541] * 542.5;
  double v542 = in[542] * 543.5;
  double v543 = in[543] * 544.5;
  double v544 = in[544] * 545.5;
  double v545 = in[545] * 546.5;
  double v546 = in[546] * 547.5;
  double v547 = in[547] * 548.5;
  double v548 = in[548] * 549.5;
  double v549 = in[549] * 550.5;
  double v550 = in[550] * 551.5;
  double v551 = in[551] * 552.5;
  double v552 = in[552] * 553.5;
  double v553 = in[553] * 554.5;
  double v554 = in[554] * 555.5;
  double v555 = in[555] * 556.5;
  double v556 = in[556] * 557.5;
  double v557 = in[557] * 558.5;
  double v558 = in[558] * 559.5;
  double v559 = in[559] * 560.5;
  double v560 = in[560] * 561.5;
  double v561 = in[561] * 562.5;
  double v562 = in[562] * 563.5;
  double v563 = in[563] * 564.5;
  double v564 = in[564] * 565.5;
  double v565 = in[565] * 566.5;
  double v566 = in[566] * 567.5;
  double v567 = in[567] * 568.5;
  double v568 = in[568] * 569.5;
  double v569 = in[569] * 570.5;
  double v570 = in[570] * 571.5;
  double v571 = in[571] * 572.5;
  double v572 = in[572] * 573.5;
  double v573 = in[573] * 574.5;
  double v574 = in[574] * 575.5;
  double v575 = in[575] * 576.5;
  double v576 = in[576] * 577.5;
  double v577 = in[577] * 578.5;
  double v578 = in[578] * 579.5;
  double v579 = in[579] * 580.5;
  double v580 = in[580] * 581.5;
  double v581 = in[581] * 582.5;
  double v582 = in[582] * 583.5;
  double v583 = in[583] * 584.5;
  double v584 = in[584] * 585.5;
  double v585 = in[585] * 586.5;
  double v586 = in[586] * 587.5;
  double v587 = in[587] * 588.5;
  double v588 = in[588] * 589.5;
  double v589 = in[589] * 590.5;
  double v590 = in[590] * 591.5;
  double v591 = in[591] * 592.5;
  double v592 = in[592] * 593.5;
  double v593 = in[593] * 594.5;
  double v594 = in[594] * 595.5;
  double v595 = in[595] * 596.5;
  double v596 = in[596] * 597.5;
  double v597 = in[597] * 598.5;
  double v598 = in[598] * 599.5;
  double v599 = in[599] * 600.5;
  double v600 = in[600] * 601.5;
  double v601 = in[601] * 602.5;
  double v602 = in[602] * 603.5;
  double v603 = in[603] * 604.5;
  double v604 = in[604] * 605.5;
  double v605 = in[605] * 606.5;
  double v606 = in[606] * 607.5;
  double v607 = in[607] * 608.5;
  double v608 = in[608] * 609.5;
  double v609 = in[609] * 610.5;
  double v610 = in[610] * 611.5;
  double v611 = in[611] * 612.5;
  double v612 = in[612] * 613.5;
  double v613 = in[613] * 614.5;
  double v614 = in[614] * 615.5;
  double v615 = in[615] * 616.5;
  double v616 = in[616] * 617.5;
  double v617 = in[617] * 618.5;
  double v618 = in[618] * 619.5;
  double v619 = in[619] * 620.5;
  double v620 = in[620] * 621.5;
  double v621 = in[621] * 622.5;
  double v622 = in[622] * 623.5;
  double v623 = in[623] * 624.5;
  double v624 = in[624] * 625.5;
  double v625 = in[625] * 626.5;
  double v626 = in[626] * 627.5;
  double v627 = in[627] * 628.5;
  double v628 = in[628] * 629.5;
  double v629 = in[629] * 630.5;
  double v630 = in[630] * 631.5;
  double v631 = in[631] * 632.5;
  double v632 = in[632] * 633.5;
  double v633 = in[633] * 634.5;
  double v634 = in[634] * 635.5;
  double v635 = in[635] * 636.5;
  double v636 = in[636] * 637.5;
  double v637 = in[637] * 638.5;
  double v638 = in[638] * 639.5;
  double v639 = in[639] * 640.5;
  double v640 = in[640] * 641.5;
  double v641 = in[641] * 642.5;
  double v642 = in[642] * 643.5;
  double v643 = in[643] * 644.5;
  double v644 = in[644] * 645.5;
  double v645 = in[645] * 646.5;
  double v646 = in[646] * 647.5;
  double v647 = in[647] * 648.5;
  double v648 = in[648] * 649.5;
  double v649 = in[649] * 650.5;
  double v650 = in[650] * 651.5;
  double v651 = in[651] * 652.5;
  double v652 = in[652] * 653.5;
  double v653 = in[653] * 654.5;
  double v654 = in[654] * 655.5;
  double v655 = in[655] * 656.5;
  double v656 = in[656] * 657.5;
  double v657 = in[657] * 658.5;
  double v658 = in[658] * 659.5;
  double v659 = in[659] * 660.5;
  double v660 = in[660] * 661.5;
  double v661 = in[661] * 662.5;
  double v662 = in[662] * 663.5;
  double v663 = in[663] * 664.5;
  double v664 = in[664] * 665.5;
  double v665 = in[665] * 666.5;
  double v666 = in[666] * 667.5;
  double v667 = in[667] * 668.5;
  double v668 = in[668] * 669.5;
  double v669 = in[669] * 670.5;
  double v670 = in[670] * 671.5;
  double v671 = in[671] * 672.5;
  double v672 = in[672] * 673.5;
  double v673 = in[673] * 674.5;
  double v674 = in[674] * 675.5;
  double v675 = in[675] * 676.5;
  double v676 = in[676] * 677.5;
  double v677 = in[677] * 678.5;
  double v678 = in[678] * 679.5;
  double v679 = in[679] * 680.5;
  double v680 = in[680] * 681.5;
  double v681 = in[681] * 682.5;
  double v682 = in[682] * 683.5;
  double v683 = in[683] * 684.5;
  double v684 = in[684] * 685.5;
  double v685 = in[685] * 686.5;
  double v686 = in[686] * 687.5;
  double v687 = in[687] * 688.5;
  double v688 = in[688] * 689.5;
  double v689 = in[689] * 690.5;
  double v690 = in[690] * 691.5;
  double v691 = in[691] * 692.5;
  double v692 = in[692] * 693.5;
  double v693 = in[693] * 694.5;
  double v694 = in[694] * 695.5;
  double v695 = in[695] * 696.5;
  double v696 = in[696] * 697.5;
  double v697 = in[697] * 698.5;
  double v698 = in[698] * 699.5;
  double v699 = in[699] * 700.5;
  double r = d > 0 ? rec(in, d - 1) : 0;
  return r + v0 * v0 + v1 * v7 + v2 * v14 + v3 * v21 + v4 * v28 + v5 * v35
          + v6 * v42 + v7 * v49 + v8 * v56 + v9 * v63 + v10 * v70
          + v11 * v77 + v12 * v84 + v13 * v91 + v14 * v98 + v15 * v105
          + v16 * v112 + v17 * v119 + v18 * v126 + v19 * v133 + v20 * v140
          + v21 * v147 + v22 * v154 + v23 * v161 + v24 * v168 + v25 * v175
          + v26 * v182 + v27 * v189 + v28 * v196 + v29 * v203 + v30 * v210
          + v31 * v217 + v32 * v224 + v33 * v231 + v34 * v238 + v35 * v245
          + v36 * v252 + v37 * v259 + v38 * v266 + v39 * v273 + v40 * v280
          + v41 * v287 + v42 * v294 + v43 * v301 + v44 * v308 + v45 * v315
          + v46 * v322 + v47 * v329 + v48 * v336 + v49 * v343 + v50 * v350
          + v51 * v357 + v52 * v364 + v53 * v371 + v54 * v378 + v55 * v385
          + v56 * v392 + v57 * v399 + v58 * v406 + v59 * v413 + v60 * v420
          + v61 * v427 + v62 * v434 + v63 * v441 + v64 * v448 + v65 * v455
          + v66 * v462 + v67 * v469 + v68 * v476 + v69 * v483 + v70 * v490
          + v71 * v497 + v72 * v504 + v73 * v511 + v74 * v518 + v75 * v525
          + v76 * v532 + v77 * v539 + v78 * v546 + v79 * v553 + v80 * v560
          + v81 * v567 + v82 * v574 + v83 * v581 + v84 * v588 + v85 * v595
          + v86 * v602 + v87 * v609 + v88 * v616 + v89 * v623 + v90 * v630
          + v91 * v637 + v92 * v644 + v93 * v651 + v94 * v658 + v95 * v665
          + v96 * v672 + v97 * v679 + v98 * v686 + v99 * v693 + v100 * v0
          + v101 * v7 + v102 * v14 + v103 * v21 + v104 * v28 + v105 * v35
          + v106 * v42 + v107 * v49 + v108 * v56 + v109 * v63 + v110 * v70
          + v111 * v77 + v112 * v84 + v113 * v91 + v114 * v98 + v115 * v105
          + v116 * v112 + v117 * v119 + v118 * v126 + v119 * v133
          + v120 * v140 + v121 * v147 + v122 * v154 + v123 * v161
          + v124 * v168 + v125 * v175 + v126 * v182 + v127 * v189
          + v128 * v196 + v129 * v203 + v130 * v210 + v131 * v217
          + v132 * v224 + v133 * v231 + v134 * v238 + v135 * v245
          + v136 * v252 + v137 * v259 + v138 * v266 + v139 * v273
          + v140 * v280 + v141 * v287 + v142 * v294 + v143 * v301
          + v144 * v308 + v145 * v315 + v146 * v322 + v147 * v329
          + v148 * v336 + v149 * v343 + v150 * v350 + v151 * v357
          + v152 * v364 + v153 * v371 + v154 * v378 + v155 * v385
          + v156 * v392 + v157 * v399 + v158 * v406 + v159 * v413
          + v160 * v420 + v161 * v427 + v162 * v434 + v163 * v441
          + v164 * v448 + v165 * v455 + v166 * v462 + v167 * v469
          + v168 * v476 + v169 * v483 + v170 * v490 + v171 * v497
          + v172 * v504 + v173 * v511 + v174 * v518 + v175 * v525
          + v176 * v532 + v177 * v539 + v178 * v546 + v179 * v553
          + v180 * v560 + v181 * v567 + v182 * v574 + v183 * v581
          + v184 * v588 + v185 * v595 + v186 * v602 + v187 * v609
          + v188 * v616 + v189 * v623 + v190 * v630 + v191 * v637
          + v192 * v644 + v193 * v651 + v194 * v658 + v195 * v665
          + v196 * v672 + v197 * v679 + v198 * v686 + v199 * v693
          + v200 * v0 + v201 * v7 + v202 * v14 + v203 * v21 + v204 * v28
          + v205 * v35 + v206 * v42 + v207 * v49 + v208 * v56 + v209 * v63
          + v210 * v70 + v211 * v77 + v212 * v84 + v213 * v91 + v214 * v98
          + v215 * v105 + v216 * v112 + v217 * v119 + v218 * v126
          + v219 * v133 + v220 * v140 + v221 * v147 + v222 * v154
          + v223 * v161 + v224 * v168 + v225 * v175 + v226 * v182
          + v227 * v189 + v228 * v196 + v229 * v203 + v230 * v210
          + v231 * v217 + v232 * v224 + v233 * v231 + v234 * v238
          + v235 * v245 + v236 * v252 + v237 * v259 + v238 * v266
          + v239 * v273 + v240 * v280 + v241 * v287 + v242 * v294
          + v243 * v301 + v244 * v308 + v245 * v315 + v246 * v322
          + v247 * v329 + v248 * v336 + v249 * v343 + v250 * v350
          + v251 * v357 + v252 * v364 + v253 * v371 + v254 * v378
          + v255 * v385 + v256 * v392 + v257 * v399 + v258 * v406
          + v259 * v413 + v260 * v420 + v261 * v427 + v262 * v434
          + v263 * v441 + v264 * v448 + v265 * v455 + v266 * v462
          + v267 * v469 + v268 * v476 + v269 * v483 + v270 * v490
          + v271 * v497 + v272 * v504 + v273 * v511 + v274 * v518
          + v275 * v525 + v276 * v532 + v277 * v539 + v278 * v546
          + v279 * v553 + v280 * v560 + v281 * v567 + v282 * v574
          + v283 * v581 + v284 * v588 + v285 * v595 + v286 * v602
          + v287 * v609 + v288 * v616 + v289 * v623 + v290 * v630
          + v291 * v637 + v292 * v644 + v293 * v651 + v294 * v658
          + v295 * v665 + v296 * v672 + v297 * v679 + v298 * v686
          + v299 * v693 + v300 * v0 + v301 * v7 + v302 * v14 + v303 * v21
          + v304 * v28 + v305 * v35 + v306 * v42 + v307 * v49 + v308 * v56
          + v309 * v63 + v310 * v70 + v311 * v77 + v312 * v84 + v313 * v91
          + v314 * v98 + v315 * v105 + v316 * v112 + v317 * v119
          + v318 * v126 + v319 * v133 + v320 * v140 + v321 * v147
          + v322 * v154 + v323 * v161 + v324 * v168 + v325 * v175
          + v326 * v182 + v327 * v189 + v328 * v196 + v329 * v203
          + v330 * v210 + v331 * v217 + v332 * v224 + v333 * v231
          + v334 * v238 + v335 * v245 + v336 * v252 + v337 * v259
          + v338 * v266 + v339 * v273 + v340 * v280 + v341 * v287
          + v342 * v294 + v343 * v301 + v344 * v308 + v345 * v315
          + v346 * v322 + v347 * v329 + v348 * v336 + v349 * v343
          + v350 * v350 + v351 * v357 + v352 * v364 + v353 * v371
          + v354 * v378 + v355 * v385 + v356 * v392 + v357 * v399
          + v358 * v406 + v359 * v413 + v360 * v420 + v361 * v427
          + v362 * v434 + v363 * v441 + v364 * v448 + v365 * v455
          + v366 * v462 + v367 * v469 + v368 * v476 + v369 * v483
          + v370 * v490 + v371 * v497 + v372 * v504 + v373 * v511
          + v374 * v518 + v375 * v525 + v376 * v532 + v377 * v539
          + v378 * v546 + v379 * v553 + v380 * v560 + v381 * v567
          + v382 * v574 + v383 * v581 + v384 * v588 + v385 * v595
          + v386 * v602 + v387 * v609 + v388 * v616 + v389 * v623
          + v390 * v630 + v391 * v637 + v392 * v644 + v393 * v651
          + v394 * v658 + v395 * v665 + v396 * v672 + v397 * v679
          + v398 * v686 + v399 * v693 + v400 * v0 + v401 * v7 + v402 * v14
          + v403 * v21 + v404 * v28 + v405 * v35 + v406 * v42 + v407 * v49
          + v408 * v56 + v409 * v63 + v410 * v70 + v411 * v77 + v412 * v84
          + v413 * v91 + v414 * v98 + v415 * v105 + v416 * v112
          + v417 * v119 + v418 * v126 + v419 * v133 + v420 * v140
          + v421 * v147 + v422 * v154 + v423 * v161 + v424 * v168
          + v425 * v175 + v426 * v182 + v427 * v189 + v428 * v196
          + v429 * v203 + v430 * v210 + v431 * v217 + v432 * v224
          + v433 * v231 + v434 * v238 + v435 * v245 + v436 * v252
          + v437 * v259 + v438 * v266 + v439 * v273 + v440 * v280
          + v441 * v287 + v442 * v294 + v443 * v301 + v444 * v308
          + v445 * v315 + v446 * v322 + v447 * v329 + v448 * v336
          + v449 * v343 + v450 * v350 + v451 * v357 + v452 * v364
          + v453 * v371 + v454 * v378 + v455 * v385 + v456 * v392
          + v457 * v399 + v458 * v406 + v459 * v413 + v460 * v420
          + v461 * v427 + v462 * v434 + v463 * v441 + v464 * v448
          + v465 * v455 + v466 * v462 + v467 * v469 + v468 * v476
          + v469 * v483 + v470 * v490 + v471 * v497 + v472 * v504
          + v473 * v511 + v474 * v518 + v475 * v525 + v476 * v532
          + v477 * v539 + v478 * v546 + v479 * v553 + v480 * v560
          + v481 * v567 + v482 * v574 + v483 * v581 + v484 * v588
          + v485 * v595 + v486 * v602 + v487 * v609 + v488 * v616
          + v489 * v623 + v490 * v630 + v491 * v637 + v492 * v644
          + v493 * v651 + v494 * v658 + v495 * v665 + v496 * v672
          + v497 * v679 + v498 * v686 + v499 * v693 + v500 * v0 + v501 * v7
          + v502 * v14 + v503 * v21 + v504 * v28 + v505 * v35 + v506 * v42
          + v507 * v49 + v508 * v56 + v509 * v63 + v510 * v70 + v511 * v77
          + v512 * v84 + v513 * v91 + v514 * v98 + v515 * v105 + v516 * v112
          + v517 * v119 + v518 * v126 + v519 * v133 + v520 * v140
          + v521 * v147 + v522 * v154 + v523 * v161 + v524 * v168
          + v525 * v175 + v526 * v182 + v527 * v189 + v528 * v196
          + v529 * v203 + v530 * v210 + v531 * v217 + v532 * v224
          + v533 * v231 + v534 * v238 + v535 * v245 + v536 * v252
          + v537 * v259 + v538 * v266 + v539 * v273 + v540 * v280
          + v541 * v287 + v542 * v294 + v543 * v301 + v544 * v308
          + v545 * v315 + v546 * v322 + v547 * v329 + v548 * v336
          + v549 * v343 + v550 * v350 + v551 * v357 + v552 * v364
          + v553 * v371 + v554 * v378 + v555 * v385 + v556 * v392
          + v557 * v399 + v558 * v406 + v559 * v413 + v560 * v420
          + v561 * v427 + v562 * v434 + v563 * v441 + v564 * v448
          + v565 * v455 + v566 * v462 + v567 * v469 + v568 * v476
          + v569 * v483 + v570 * v490 + v571 * v497 + v572 * v504
          + v573 * v511 + v574 * v518 + v575 * v525 + v576 * v532
          + v577 * v539 + v578 * v546 + v579 * v553 + v580 * v560
          + v581 * v567 + v582 * v574 + v583 * v581 + v584 * v588
          + v585 * v595 + v586 * v602 + v587 * v609 + v588 * v616
          + v589 * v623 + v590 * v630 + v591 * v637 + v592 * v644
          + v593 * v651 + v594 * v658 + v595 * v665 + v596 * v672
          + v597 * v679 + v598 * v686 + v599 * v693 + v600 * v0 + v601 * v7
          + v602 * v14 + v603 * v21 + v604 * v28 + v605 * v35 + v606 * v42
          + v607 * v49 + v608 * v56 + v609 * v63 + v610 * v70 + v611 * v77
          + v612 * v84 + v613 * v91 + v614 * v98 + v615 * v105 + v616 * v112
          + v617 * v119 + v618 * v126 + v619 * v133 + v620 * v140
          + v621 * v147 + v622 * v154 + v623 * v161 + v624 * v168
          + v625 * v175 + v626 * v182 + v627 * v189 + v628 * v196
          + v629 * v203 + v630 * v210 + v631 * v217 + v632 * v224
          + v633 * v231 + v634 * v238 + v635 * v245 + v636 * v252
          + v637 * v259 + v638 * v266 + v639 * v273 + v640 * v280
          + v641 * v287 + v642 * v294 + v643 * v301 + v644 * v308
          + v645 * v315 + v646 * v322 + v647 * v329 + v648 * v336
          + v649 * v343 + v650 * v350 + v651 * v357 + v652 * v364
          + v653 * v371 + v654 * v378 + v655 * v385 + v656 * v392
          + v657 * v399 + v658 * v406 + v659 * v413 + v660 * v420
          + v661 * v427 + v662 * v434 + v663 * v441 + v664 * v448
          + v665 * v455 + v666 * v462 + v667 * v469 + v668 * v476
          + v669 * v483 + v670 * v490 + v671 * v497 + v672 * v504
          + v673 * v511 + v674 * v518 + v675 * v525 + v676 * v532
          + v677 * v539 + v678 * v546 + v679 * v553 + v680 * v560
          + v681 * v567 + v682 * v574 + v683 * v581 + v684 * v588
          + v685 * v595 + v686 * v602 + v687 * v609 + v688 * v616
          + v689 * v623 + v690 * v630 + v691 * v637 + v692 * v644
          + v693 * v651 + v694 * v658 + v695 * v665 + v696 * v672
          + v697 * v679 + v698 * v686 + v699 * v693;
}
long attack(u64 unused, long n) {
  (void)unused;
  for (int i = 0; i < 700; i++)
    data[i] = i & 7;
  return (long)rec(data, n);
}
