// cad-125-boxvfillet: box_vfillet stock (vfillet edges), label +Z
// features: +Z countersink; +Z pocket in pocket; +Z countersink; +Y rounded pocket; +Y rounded pocket; +X circular pocket
// removed mm^3: px=1525.178 mx=0.000 py=3260.644 my=0.000 pz=32409.276 mz=0.000
// margin: label blind 32409.276 >= 1.50 x 3260.644 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-131.03, -17.51, -227.05], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	box_vfillet([59.76, 109.64, 92.99], 3.46);
	face([0, 0, 92.99], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([42.15, 39.52, 0]) csink(6.96, 3.49, 3.46, 19.32);  // +Z 908.679
	face([0, 0, 92.99], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([35.41, 82.70, 0]) pocket2(35.32, 29.55, 7.74, 26.14, 15.12, 12.36, 4.66, 29.06, 3.75, 0.16);  // +Z 30783.080
	face([0, 0, 92.99], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([12.88, 11.99, 0]) csink(5.70, 2.85, 2.85, 24.50);  // +Z 717.516
	face([0, 109.64, 92.99], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([21.95, 76.22, 0]) pocket(15.11, 10.48, 2.75, 17.27);  // +Y 2620.010
	face([0, 109.64, 92.99], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([8.53, 28.06, 0]) pocket(5.63, 5.52, 2.10, 23.55);  // +Y 640.635
	face([59.76, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([46.15, 59.37, 0]) hole(5.74, 14.83);  // +X 1525.178
}
