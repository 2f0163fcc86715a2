// cad-147-plate: plate stock (round corners edges), label -Y
// features: -Y circular pocket; -Y hole through
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=1138.674 pz=0.000 mz=0.000
// margin: label blind 955.343 >= 1.50 x 183.331 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([12.37, 59.89, -109.34], [[0, -1, 0], [0, 0, -1], [1, 0, 0]])
part() {
	box_vfillet([108.05, 80.54, 5.09], 6.04);
	face([0, 0, 5.09], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([42.68, 55.84, 0]) hole(11.24, 2.47);  // -Y 955.343
	face([0, 0, 5.09], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([64.98, 42.50, 0]) hole(3.43, 5.11);  // -Y 183.331
}
