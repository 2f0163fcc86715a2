// cad-110-plate: plate stock (round corners edges), label -Z
// features: -Z circular pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=6.307
// margin: label blind 6.307 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-29.57, -173.37, 104.73], [[1, 0, 0], [0, -1, 0], [0, 0, -1]])
part() {
	box_vfillet([7.56, 6.85, 0.44], 0.23);
	face([0, 0, 0.44], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.60, 3.43, 0]) hole(2.85, 0.25);  // -Z 6.307
}
