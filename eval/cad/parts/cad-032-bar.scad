// cad-032-bar: bar stock (sharp edges), label -Y
// features: -Y rounded pocket; -Y circular pocket; -Z countersink
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=386.795 pz=0.000 mz=6.085
// margin: label blind 386.795 >= 1.50 x 6.085 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([18.44, -24.08, 127.90], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box([50.80, 13.40, 14.48]);
	face([0, 0, 14.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.97, 4.70, 0]) pocket(6.65, 6.97, 2.61, 6.32);  // -Y 252.529
	face([0, 0, 14.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([23.64, 9.13, 0]) hole(2.16, 9.40);  // -Y 134.266
	face([50.80, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([10.52, 2.87, 0]) csink(1.04, 0.51, 0.53, 6.90);  // -Z 6.085
}
