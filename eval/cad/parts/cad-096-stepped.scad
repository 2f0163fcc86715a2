// cad-096-stepped: stepped stock (sharp edges), label -Y
// features: -Y circular pocket; -Y counterbore through; -Y slot; -Y circular pocket; +X rounded pocket
// removed mm^3: px=0.742 mx=0.000 py=0.000 my=20.708 pz=0.000 mz=0.000
// margin: label blind 18.512 >= 1.50 x 2.196 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([58.40, -51.68, 67.20], [[0, -1, 0], [0, 0, -1], [1, 0, 0]])
part() {
	stepped([10.18, 8.26, 8.11], 3.33, 5.54, 6.21, 3.52);
	face([0, 0, 8.11], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.36, 1.67, 0]) hole(1.05, 3.44);  // -Y 11.815
	face([0, 0, 8.11], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.38, 1.11, 0]) cbore(0.42, 1.44, 0.26, 8.13);  // -Y 2.196
	face([0, 0, 8.11], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.02, 2.83, 0]) slot(0.62, 0.31, 3.73);  // -Y 2.550
	face([0, 0, 8.11], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.24, 1.72, 0]) hole(0.65, 3.15);  // -Y 4.146
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([0.95, 2.93, 0]) pocket(1.21, 1.05, 0.12, 0.59);  // +X 0.742
}
