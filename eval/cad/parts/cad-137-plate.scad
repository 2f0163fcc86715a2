// cad-137-plate: plate stock (sharp edges), label -Y
// features: -Y circular pocket; +Z countersink; -X hole
// removed mm^3: px=0.000 mx=11.104 py=0.000 my=407.945 pz=8.926 mz=0.000
// margin: label blind 407.945 >= 1.50 x 11.104 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-3.38, 1.27, -157.42], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	box([51.20, 28.92, 4.17]);
	face([0, 0, 4.17], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([38.66, 14.10, 0]) hole(10.90, 1.10);  // -Y 407.945
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([49.68, 1.64, 0]) csink(1.31, 0.70, 0.61, 5.15);  // +Z 8.926
	face([51.20, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([17.88, 1.12, 0]) hole(0.70, 7.26);  // -X 11.104
}
