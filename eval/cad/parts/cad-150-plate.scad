// cad-150-plate: plate stock (round corners edges), label +Y
// features: +Y rounded pocket; +Y slot; +Y counterbore; +Y circular pocket; +Y pocket
// removed mm^3: px=0.000 mx=0.000 py=38977.802 my=0.000 pz=0.000 mz=0.000
// margin: label blind 38977.802 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-40.86, -16.78, -8.71], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]])
part() {
	box_vfillet([192.01, 191.67, 18.41], 12.92);
	face([0, 0, 18.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([49.17, 102.30, 0]) pocket(33.93, 60.55, 8.12, 8.47);  // +Y 16893.181
	face([0, 0, 18.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([131.31, 109.41, 0]) slot(40.20, 10.13, 10.10);  // +Y 11428.712
	face([0, 0, 18.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([61.73, 41.62, 0]) cbore(14.98, 1.08, 7.79, 4.02);  // +Y 1300.231
	face([0, 0, 18.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([134.88, 145.97, 0]) hole(16.77, 8.42);  // +Y 7317.464
	face([0, 0, 18.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([115.42, 70.28, 0]) pocket(27.69, 26.01, 0.00, 2.83);  // +Y 2038.214
}
