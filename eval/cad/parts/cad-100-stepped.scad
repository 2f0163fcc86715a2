// cad-100-stepped: stepped stock (sharp edges), label +Y
// features: +Y counterbore through; +Y rounded pocket; +Y rounded pocket; +Y countersink
// removed mm^3: px=0.000 mx=0.000 py=73.190 my=0.000 pz=0.000 mz=0.000
// margin: label blind 48.465 >= 1.50 x 24.725 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([186.02, 15.28, -12.45], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]])
part() {
	stepped([16.68, 16.16, 11.22], 6.03, 8.76, 11.83, 6.28);
	face([0, 0, 11.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.93, 4.00, 0]) cbore(1.38, 1.77, 0.70, 11.24);  // +Y 24.725
	face([0, 0, 11.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.88, 2.77, 0]) pocket(2.57, 1.36, 0.31, 3.36);  // +Y 11.450
	face([0, 0, 11.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.49, 2.52, 0]) pocket(1.20, 3.38, 0.44, 6.82);  // +Y 26.461
	face([0, 0, 11.22], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([12.86, 2.54, 0]) csink(1.38, 0.67, 0.71, 6.59);  // +Y 10.554
}
